import type { BaseMessage } from "../messages/base-message.js";
import { SystemMessage } from "../messages/system-message.js";
import { BaseMessageStringPromptTemplate } from "./base-message-string-prompt-template.js";

/**
 * A template for a system message (instructions): its string prompt is formatted and the text becomes a `SystemMessage`.
 *
 * @example
 * ChatPromptTemplate.fromMessages([SystemMessagePromptTemplate.fromTemplate("{text}")]);
 */
export class SystemMessagePromptTemplate extends BaseMessageStringPromptTemplate {
  protected override createMessage(text: string): BaseMessage {
    return new SystemMessage(text);
  }
}
