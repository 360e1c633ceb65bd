import type { BaseMessage } from "../messages/base-message.js";
import type { RunnableSchema } from "../schema/runnable-schema.js";
import { BaseMessagePromptTemplate } from "./base-message-prompt-template.js";
import { BasePromptTemplate, type BasePromptTemplateInput } from "./base-prompt-template.js";
import { ChatPromptValue } from "./chat-prompt-value.js";
import { checkChatPromptVariables } from "./check-chat-prompt-variables.js";
import { type ChatPromptPart, coerceMessagePrompt, type MessagePromptLike } from "./coerce-message-prompt.js";
import { formatMessageImageUrls } from "./format-message-image-urls.js";
import { HumanMessagePromptTemplate } from "./human-message-prompt-template.js";
import { MessagesPlaceholder } from "./messages-placeholder.js";
import { mergeOwn } from "./own-values.js";
import { promptInputSchema } from "./prompt-input-schema.js";
import type { PromptTemplateOptions } from "./prompt-template.js";
import type { InputValues, PartialValues } from "./prompt-variables.js";
import type { TemplateFormat } from "./render-template.js";

/** Fields of a {@link ChatPromptTemplate}. */
export interface ChatPromptTemplateInput extends BasePromptTemplateInput {
  promptMessages: ChatPromptPart[];
  /**
   * The syntax of the templated image URLs of fixed messages (`"f-string"` by default); the
   * message templates carry their own. `fromMessages` sets it from its options.
   */
  templateFormat?: TemplateFormat | undefined;
  /**
   * Check, when the prompt is built, that `inputVariables` and `partialVariables` name exactly
   * the variables the messages use (default: true, false for `templateFormat: "mustache"`, as in
   * `@langchain/core`).
   */
  validateTemplate?: boolean | undefined;
}

/** What `fromMessages` accepts for one message: see {@link MessagePromptLike}; a nested chat prompt is inlined. */
export type BaseMessagePromptTemplateLike = MessagePromptLike | ChatPromptTemplate;

/** Options of `fromMessages` and `fromTemplate`: the syntax of the templates given as strings. */
export type ChatPromptTemplateOptions = Pick<PromptTemplateOptions, "templateFormat">;

/** The variables of the parts, in order of first use, split into required and optional. */
function collectVariables(
  parts: readonly ChatPromptPart[],
  partials: PartialValues,
): { required: string[]; optional: string[] } {
  const required = new Set<string>();
  const optional = new Set<string>();
  for (const part of parts) {
    if (!BaseMessagePromptTemplate.isInstance(part)) continue;
    const optionalHere = part.optionalVariables;
    for (const name of part.inputVariables) {
      if (Object.hasOwn(partials, name)) continue;
      (optionalHere.includes(name) ? optional : required).add(name);
    }
  }
  for (const name of required) optional.delete(name);
  return { required: [...required], optional: [...optional] };
}

/**
 * A chat prompt: a list of message templates, fixed messages and placeholders, formatted into a
 * {@link ChatPromptValue}. `inputVariables` lists the variables the caller must give;
 * `optionalVariables` those of optional placeholders.
 *
 * @example
 * const prompt = ChatPromptTemplate.fromMessages([
 *   ["system", "You are {role}."],
 *   ["placeholder", "{history}"],
 *   ["human", "{question}"],
 * ]);
 * await prompt.invoke({ role: "a pirate", question: "Where is the gold?" });
 */
export class ChatPromptTemplate<V extends InputValues = InputValues> extends BasePromptTemplate<
  V,
  ChatPromptValue
> {
  readonly promptMessages: ChatPromptPart[];
  /** Variables of optional placeholders: they may be left out. */
  readonly optionalVariables: string[];
  /** The syntax of the templated image URLs of fixed messages. */
  readonly templateFormat: TemplateFormat;
  /** Whether the variables were checked against the messages when the prompt was built. */
  readonly validateTemplate: boolean;

  /**
   * Builds a chat prompt from its parts. A variable of `inputVariables` or `partialVariables`
   * that no message uses, or one a message uses that neither lists, is an `InvalidInputError`
   * naming it (unless `validateTemplate` is false). `inputVariables` left out are inferred.
   */
  constructor(input: ChatPromptTemplateInput) {
    const partialVariables = input.partialVariables ?? {};
    const { required, optional } = collectVariables(input.promptMessages, partialVariables);
    // LangChain lists optional placeholders' variables in inputVariables (a prompt rebuilt from
    // its fields, a loaded one): here they stay optional, so formatting without them works.
    const given = input.inputVariables?.filter((name) => !optional.includes(name));
    super({ inputVariables: given ?? required, partialVariables });
    this.promptMessages = input.promptMessages;
    this.optionalVariables = optional;
    this.templateFormat = input.templateFormat ?? "f-string";
    this.validateTemplate = input.validateTemplate ?? this.templateFormat !== "mustache";
    if (this.validateTemplate)
      checkChatPromptVariables(this.promptMessages, this.inputVariables, partialVariables);
  }

  /**
   * The variables: strings (any value for mustache), a list of messages for each placeholder,
   * optional placeholders' variables not required (see `promptInputSchema`).
   */
  override getInputSchema(): RunnableSchema {
    const messageLists = this.promptMessages.flatMap((part) =>
      part instanceof MessagesPlaceholder ? [part.variableName] : [],
    );
    return promptInputSchema({
      required: this.inputVariables,
      optional: this.optionalVariables,
      messageLists,
      anyValue: this.templateFormat === "mustache",
    });
  }

  /**
   * A chat prompt of one human message.
   *
   * @example
   * ChatPromptTemplate.fromTemplate("tell me a joke about {topic}");
   */
  static fromTemplate<V extends InputValues = InputValues>(
    template: string,
    options: ChatPromptTemplateOptions = {},
  ): ChatPromptTemplate<V> {
    return new ChatPromptTemplate<V>({
      promptMessages: [HumanMessagePromptTemplate.fromTemplate(template, options)],
    });
  }

  /**
   * A chat prompt from a list of messages: `[role, template]` pairs, message templates, fixed
   * messages, placeholders, template strings (human messages) or other chat prompts (inlined,
   * with their partial values).
   */
  static fromMessages<V extends InputValues = InputValues>(
    messages: readonly BaseMessagePromptTemplateLike[],
    options: ChatPromptTemplateOptions = {},
  ): ChatPromptTemplate<V> {
    const promptMessages: ChatPromptPart[] = [];
    const partials: PartialValues[] = [];
    for (const like of messages) {
      if (like instanceof ChatPromptTemplate) {
        promptMessages.push(...like.promptMessages);
        partials.push(like.partialVariables);
      } else {
        promptMessages.push(coerceMessagePrompt(like, options));
      }
    }
    return new ChatPromptTemplate<V>({
      promptMessages,
      partialVariables: mergeOwn(...partials),
      templateFormat: options.templateFormat,
    });
  }

  /**
   * The formatted messages: each template formatted, each placeholder's messages inserted, each
   * fixed message as written except for templated image URLs (see `formatMessageImageUrls`).
   * Throws a `PromptInputError` when a required variable has no value.
   */
  async formatMessages(values: V): Promise<BaseMessage[]> {
    const merged = await this.mergePartialAndUserVariables(values);
    const messages: BaseMessage[] = [];
    for (const part of this.promptMessages) {
      if (BaseMessagePromptTemplate.isInstance(part)) messages.push(...(await part.formatMessages(merged)));
      else messages.push(formatMessageImageUrls(part, this.templateFormat, merged));
    }
    return messages;
  }

  /** The formatted messages as a {@link ChatPromptValue}. */
  async formatPromptValue(values: V): Promise<ChatPromptValue> {
    return new ChatPromptValue(await this.formatMessages(values));
  }

  /** The formatted messages as a transcript (`Human: ...\nAI: ...`). */
  async format(values: V): Promise<string> {
    return (await this.formatPromptValue(values)).toString();
  }

  /** A copy with some variables fixed (values, or functions called at each format). */
  async partial(values: PartialValues): Promise<ChatPromptTemplate<InputValues>> {
    return new ChatPromptTemplate<InputValues>({
      promptMessages: this.promptMessages,
      inputVariables: this.inputVariables.filter((name) => !Object.hasOwn(values, name)),
      partialVariables: mergeOwn(this.partialVariables, values),
      templateFormat: this.templateFormat,
      validateTemplate: this.validateTemplate,
    });
  }
}
