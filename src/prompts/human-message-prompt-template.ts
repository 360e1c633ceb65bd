import type { BaseMessage } from "../messages/base-message.js";
import { HumanMessage } from "../messages/human-message.js";
import { BaseMessageStringPromptTemplate } from "./base-message-string-prompt-template.js";

/**
 * A template for a human message (the user's turn): its string prompt is formatted and the text becomes a `HumanMessage`.
 *
 * @example
 * ChatPromptTemplate.fromMessages([HumanMessagePromptTemplate.fromTemplate("{text}")]);
 */
export class HumanMessagePromptTemplate extends BaseMessageStringPromptTemplate {
  protected override createMessage(text: string): BaseMessage {
    return new HumanMessage(text);
  }
}
