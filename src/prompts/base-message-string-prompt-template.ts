import type { BaseMessage } from "../messages/base-message.js";
import type { MessageContent } from "../messages/content-block.js";
import { BaseMessagePromptTemplate } from "./base-message-prompt-template.js";
import { type ContentTemplateItem, MessageContentTemplate } from "./message-content-template.js";
import { PromptTemplate, type PromptTemplateOptions } from "./prompt-template.js";
import type { InputValues } from "./prompt-variables.js";

/** A role template's prompt: a string prompt (text content), or a list of parts (multi-part content). */
export type MessagePromptContent = PromptTemplate | MessageContentTemplate;

/** What a role template is built from: its prompt, or `{ prompt }`. */
export type MessageStringPromptTemplateFields = MessagePromptContent | { prompt: MessagePromptContent };

/**
 * A message template with one prompt: formatting fills the prompt and wraps the result in the
 * subclass's message type. The prompt is a string template (the message's content is the text)
 * or a {@link MessageContentTemplate} (the content is a list of blocks: text, images, ...).
 * Subclasses implement `createMessage`.
 */
export abstract class BaseMessageStringPromptTemplate extends BaseMessagePromptTemplate {
  readonly prompt: MessagePromptContent;

  constructor(fields: MessageStringPromptTemplateFields) {
    super();
    this.prompt =
      fields instanceof PromptTemplate || fields instanceof MessageContentTemplate ? fields : fields.prompt;
  }

  override get inputVariables(): string[] {
    return this.prompt.inputVariables;
  }

  /** Wraps the formatted content in this template's message type. */
  protected abstract createMessage(content: MessageContent): BaseMessage;

  /** The one message for these values. */
  async format(values: InputValues): Promise<BaseMessage> {
    return this.createMessage(await this.prompt.format(values));
  }

  override async formatMessages(values: InputValues): Promise<BaseMessage[]> {
    return [await this.format(values)];
  }

  /**
   * Builds the template from a template string, or from a list of content parts (see
   * {@link MessageContentTemplate}).
   *
   * @example
   * SystemMessagePromptTemplate.fromTemplate("You are {role}");
   * HumanMessagePromptTemplate.fromTemplate([{ type: "text", text: "Describe {subject}" }, { type: "image_url", image_url: "{image}" }]);
   */
  static fromTemplate<T>(
    this: new (
      prompt: MessagePromptContent,
    ) => T,
    template: string | readonly ContentTemplateItem[],
    options: PromptTemplateOptions = {},
  ): T {
    if (typeof template === "string") return new this(PromptTemplate.fromTemplate(template, options));
    const { templateFormat, partialVariables } = options;
    return new this(MessageContentTemplate.fromTemplate(template, { templateFormat, partialVariables }));
  }
}
