import type { BaseMessage } from "../messages/base-message.js";
import { BaseMessagePromptTemplate } from "./base-message-prompt-template.js";
import { PromptTemplate, type PromptTemplateOptions } from "./prompt-template.js";
import type { InputValues } from "./prompt-variables.js";

/** What a role template is built from: its string prompt, or `{ prompt }`. */
export type MessageStringPromptTemplateFields = PromptTemplate | { prompt: PromptTemplate };

/**
 * A message template with one string prompt: formatting fills the prompt and wraps the text in
 * the subclass's message type. Subclasses implement `createMessage`.
 */
export abstract class BaseMessageStringPromptTemplate extends BaseMessagePromptTemplate {
  readonly prompt: PromptTemplate;

  constructor(fields: MessageStringPromptTemplateFields) {
    super();
    this.prompt = fields instanceof PromptTemplate ? fields : fields.prompt;
  }

  override get inputVariables(): string[] {
    return this.prompt.inputVariables;
  }

  /** Wraps the formatted text in this template's message type. */
  protected abstract createMessage(text: string): BaseMessage;

  /** The one message for these values. */
  async format(values: InputValues): Promise<BaseMessage> {
    return this.createMessage(await this.prompt.format(values));
  }

  override async formatMessages(values: InputValues): Promise<BaseMessage[]> {
    return [await this.format(values)];
  }

  /**
   * Builds the template from a template string.
   *
   * @example
   * SystemMessagePromptTemplate.fromTemplate("You are {role}");
   */
  static fromTemplate<T>(
    this: new (
      prompt: PromptTemplate,
    ) => T,
    template: string,
    options: PromptTemplateOptions = {},
  ): T {
    return new this(PromptTemplate.fromTemplate(template, options));
  }
}
