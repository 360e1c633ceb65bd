import { InvalidInputError } from "../errors/input-errors.js";
import type { BaseMessage } from "../messages/base-message.js";
import { ChatMessage } from "../messages/chat-message.js";
import type { MessageContent } from "../messages/content-block.js";
import {
  BaseMessageStringPromptTemplate,
  type MessagePromptContent,
} from "./base-message-string-prompt-template.js";
import { type ContentTemplateItem, MessageContentTemplate } from "./message-content-template.js";
import { PromptTemplate, type PromptTemplateOptions } from "./prompt-template.js";

/** Fields of a {@link ChatMessagePromptTemplate}: the prompt of its content and the role of its messages. */
export interface ChatMessagePromptTemplateFields {
  prompt: MessagePromptContent;
  role: string;
}

function checkRole(role: unknown): string {
  if (typeof role === "string" && role !== "") return role;
  throw new InvalidInputError(
    `A ChatMessagePromptTemplate needs a role (a non-empty string such as "observer"), got ${
      role === undefined ? "none" : JSON.stringify(role)
    }. Pass it as ChatMessagePromptTemplate.fromTemplate(template, role).`,
  );
}

/**
 * A template for a message with a role of your own (`"observer"`, `"critic"`, ...): formatting
 * fills the prompt and gives a {@link ChatMessage} with that role (type `"generic"`). The prompt
 * is a string template or a list of content parts, like the other role templates'.
 *
 * @example
 * const note = ChatMessagePromptTemplate.fromTemplate("Checked {thing}.", "observer");
 * const message = await note.format({ thing: "the logs" }); // ChatMessage, role "observer"
 * await ChatPromptTemplate.fromMessages([note]).format({ thing: "the logs" }); // "observer: Checked the logs."
 */
export class ChatMessagePromptTemplate extends BaseMessageStringPromptTemplate {
  readonly role: string;

  constructor(fields: ChatMessagePromptTemplateFields);
  constructor(prompt: MessagePromptContent, role: string);
  constructor(fields: ChatMessagePromptTemplateFields | MessagePromptContent, role?: string) {
    const isPrompt = fields instanceof PromptTemplate || fields instanceof MessageContentTemplate;
    super(isPrompt ? fields : fields.prompt);
    this.role = checkRole(isPrompt ? role : fields.role);
  }

  protected override createMessage(content: MessageContent): BaseMessage {
    return new ChatMessage(content, this.role);
  }

  /**
   * Builds the template from a template string (or a list of content parts) and the role.
   *
   * @example
   * ChatMessagePromptTemplate.fromTemplate("{text}", "critic");
   */
  static override fromTemplate<T>(
    this: new (
      prompt: MessagePromptContent,
      role: string,
    ) => T,
    template: string | readonly ContentTemplateItem[],
    // Typed as the base's second parameter too, so the static side still extends the base's;
    // anything but a role string is rejected with an error saying to pass one.
    role?: string | PromptTemplateOptions,
    options: PromptTemplateOptions = {},
  ): T {
    const checkedRole = checkRole(role);
    if (typeof template === "string")
      return new this(PromptTemplate.fromTemplate(template, options), checkedRole);
    const { templateFormat, partialVariables } = options;
    const prompt = MessageContentTemplate.fromTemplate(template, { templateFormat, partialVariables });
    return new this(prompt, checkedRole);
  }
}
