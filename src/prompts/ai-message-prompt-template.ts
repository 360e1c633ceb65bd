import { AIMessage } from "../messages/ai-message.js";
import type { BaseMessage } from "../messages/base-message.js";
import { BaseMessageStringPromptTemplate } from "./base-message-string-prompt-template.js";

/**
 * A template for an AI message (an example or earlier answer): its string prompt is formatted and the text becomes a `AIMessage`.
 *
 * @example
 * ChatPromptTemplate.fromMessages([AIMessagePromptTemplate.fromTemplate("{text}")]);
 */
export class AIMessagePromptTemplate extends BaseMessageStringPromptTemplate {
  protected override createMessage(text: string): BaseMessage {
    return new AIMessage(text);
  }
}
