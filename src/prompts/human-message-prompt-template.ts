import type { BaseMessage } from "../messages/base-message.js";
import type { MessageContent } from "../messages/content-block.js";
import { HumanMessage } from "../messages/human-message.js";
import { BaseMessageStringPromptTemplate } from "./base-message-string-prompt-template.js";

/**
 * A template for a human message (the user's turn): its prompt is formatted and the content becomes a `HumanMessage`.
 *
 * @example
 * ChatPromptTemplate.fromMessages([HumanMessagePromptTemplate.fromTemplate("{text}")]);
 */
export class HumanMessagePromptTemplate extends BaseMessageStringPromptTemplate {
  protected override createMessage(content: MessageContent): BaseMessage {
    return new HumanMessage(content);
  }
}
