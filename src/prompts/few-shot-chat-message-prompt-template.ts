import type { BaseMessage } from "../messages/base-message.js";
import type { Example } from "./base-example-selector.js";
import { BasePromptTemplate, type BasePromptTemplateInput } from "./base-prompt-template.js";
import { ChatPromptValue } from "./chat-prompt-value.js";
import {
  checkExampleSource,
  examplesFor,
  type FewShotExampleSource,
  type FewShotFraming,
  joinFramed,
  resolveFraming,
} from "./few-shot-examples.js";
import type { MessagesPromptLike } from "./messages-prompt-part.js";
import { defineOwn, mergeOwn, ownValue } from "./own-values.js";
import type { InputValues, PartialValues } from "./prompt-variables.js";
import type { TemplateFormat } from "./render-template.js";

/** Fields of a {@link FewShotChatMessagePromptTemplate}, as `@langchain/core` names them. */
export interface FewShotChatMessagePromptTemplateInput extends BasePromptTemplateInput, FewShotExampleSource {
  /** Turns one example into messages: a `ChatPromptTemplate` or a message template. */
  examplePrompt: MessagesPromptLike;
  /** Text before the examples in `format()` only (default `""`). */
  prefix?: string | undefined;
  /** Text after the examples in `format()` only (default `""`). */
  suffix?: string | undefined;
  /** Between the prefix, each example message and the suffix in `format()` (default `"\n\n"`). */
  exampleSeparator?: string | undefined;
  /** The syntax of the prefix and suffix (default `"f-string"`). */
  templateFormat?: TemplateFormat | undefined;
  /** Check that the prefix and suffix use only declared variables (default true). */
  validateTemplate?: boolean | undefined;
}

/** An example reduced to the example prompt's variables, as `@langchain/core` passes it. */
function pickVariables(example: Example, names: readonly string[]): InputValues {
  const picked: InputValues = {};
  for (const name of names) defineOwn(picked, name, ownValue(example, name));
  return picked;
}

/**
 * A chat prompt of examples: each example is formatted into messages by `examplePrompt` (say a
 * human question and an AI answer), all in order. Put it in `ChatPromptTemplate.fromMessages`
 * between the system message and the user's turn. The examples are a fixed list or an
 * `exampleSelector`'s pick. As in `@langchain/core`, `prefix` and `suffix` appear only in
 * `format()`'s text (prefix, each message's content, suffix, joined with `exampleSeparator`),
 * not in the messages.
 *
 * @example
 * const fewShot = new FewShotChatMessagePromptTemplate({
 *   examples: [{ input: "2+2", output: "4" }],
 *   examplePrompt: ChatPromptTemplate.fromMessages([["human", "{input}"], ["ai", "{output}"]]),
 * });
 * const prompt = ChatPromptTemplate.fromMessages([["system", "You do math."], fewShot, ["human", "{input}"]]);
 * await prompt.formatMessages({ input: "3+3" }); // system, human 2+2, ai 4, human 3+3
 */
export class FewShotChatMessagePromptTemplate<V extends InputValues = InputValues> extends BasePromptTemplate<
  V,
  ChatPromptValue
> {
  readonly examples: Example[] | undefined;
  readonly exampleSelector: FewShotExampleSource["exampleSelector"];
  readonly examplePrompt: MessagesPromptLike;
  readonly prefix: string;
  readonly suffix: string;
  readonly exampleSeparator: string;
  readonly templateFormat: TemplateFormat;
  readonly validateTemplate: boolean;
  readonly #framing: FewShotFraming;

  constructor(input: FewShotChatMessagePromptTemplateInput) {
    checkExampleSource(input, "FewShotChatMessagePromptTemplate");
    const framing = resolveFraming(input);
    super({ inputVariables: framing.inputVariables, partialVariables: framing.partialVariables });
    this.examples = input.examples;
    this.exampleSelector = input.exampleSelector;
    this.examplePrompt = input.examplePrompt;
    this.prefix = framing.prefix;
    this.suffix = framing.suffix;
    this.exampleSeparator = framing.exampleSeparator;
    this.templateFormat = framing.templateFormat;
    this.validateTemplate = framing.validateTemplate;
    this.#framing = framing;
  }

  /** The examples for these values: the fixed list, or the selector's pick. */
  getExamples(values: InputValues): Promise<Example[]> {
    return examplesFor(this, values);
  }

  /** Each example's messages, in order. A required variable without a value is a `PromptInputError`. */
  async formatMessages(values: V): Promise<BaseMessage[]> {
    const merged = await this.mergePartialAndUserVariables(values);
    const examples = await this.getExamples(merged);
    const messages: BaseMessage[] = [];
    const names = this.examplePrompt.inputVariables;
    for (const example of examples) {
      messages.push(...(await this.examplePrompt.formatMessages(pickVariables(example, names))));
    }
    return messages;
  }

  /** The example messages as a {@link ChatPromptValue}. */
  async formatPromptValue(values: V): Promise<ChatPromptValue> {
    return new ChatPromptValue(await this.formatMessages(values));
  }

  /** The prefix, each example message's text and the suffix, joined with `exampleSeparator`. */
  async format(values: V): Promise<string> {
    const merged = await this.mergePartialAndUserVariables(values);
    const examples = await this.getExamples(merged);
    const perExample = await Promise.all(
      examples.map((example) => this.examplePrompt.formatMessages(example)),
    );
    const texts = perExample.flat().map((message) => message.text);
    return joinFramed(this.#framing, merged, texts);
  }

  /** A copy with some variables fixed (values, or functions called at each format). */
  async partial(values: PartialValues): Promise<FewShotChatMessagePromptTemplate<InputValues>> {
    return new FewShotChatMessagePromptTemplate<InputValues>({
      examples: this.examples,
      exampleSelector: this.exampleSelector,
      examplePrompt: this.examplePrompt,
      prefix: this.prefix,
      suffix: this.suffix,
      exampleSeparator: this.exampleSeparator,
      templateFormat: this.templateFormat,
      validateTemplate: this.validateTemplate,
      inputVariables: this.inputVariables.filter((name) => !Object.hasOwn(values, name)),
      partialVariables: mergeOwn(this.partialVariables, values),
    });
  }
}
