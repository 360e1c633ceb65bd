import type { BaseMessage } from "../messages/base-message.js";
import type { MessageContent } from "../messages/content-block.js";
import { SystemMessage } from "../messages/system-message.js";
import { BaseMessageStringPromptTemplate } from "./base-message-string-prompt-template.js";

/**
 * A template for a system message (instructions): its prompt is formatted and the content becomes a `SystemMessage`.
 *
 * @example
 * ChatPromptTemplate.fromMessages([SystemMessagePromptTemplate.fromTemplate("{text}")]);
 */
export class SystemMessagePromptTemplate extends BaseMessageStringPromptTemplate {
  protected override createMessage(content: MessageContent): BaseMessage {
    return new SystemMessage(content);
  }
}
