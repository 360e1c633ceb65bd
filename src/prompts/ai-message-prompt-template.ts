import { AIMessage } from "../messages/ai-message.js";
import type { BaseMessage } from "../messages/base-message.js";
import type { MessageContent } from "../messages/content-block.js";
import { BaseMessageStringPromptTemplate } from "./base-message-string-prompt-template.js";

/**
 * A template for an AI message (an example or earlier answer): its prompt is formatted and the content becomes a `AIMessage`.
 *
 * @example
 * ChatPromptTemplate.fromMessages([AIMessagePromptTemplate.fromTemplate("{text}")]);
 */
export class AIMessagePromptTemplate extends BaseMessageStringPromptTemplate {
  protected override createMessage(content: MessageContent): BaseMessage {
    return new AIMessage(content);
  }
}
