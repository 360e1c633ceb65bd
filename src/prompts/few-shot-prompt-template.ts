import type { Example } from "./base-example-selector.js";
import { BasePromptTemplate, type BasePromptTemplateInput } from "./base-prompt-template.js";
import {
  checkExampleSource,
  examplesFor,
  type FewShotExampleSource,
  type FewShotFraming,
  joinFramed,
  resolveFraming,
} from "./few-shot-examples.js";
import { mergeOwn } from "./own-values.js";
import type { PromptTemplate } from "./prompt-template.js";
import type { InputValues, PartialValues } from "./prompt-variables.js";
import type { TemplateFormat } from "./render-template.js";
import { StringPromptValue } from "./string-prompt-value.js";

/** Fields of a {@link FewShotPromptTemplate}, as `@langchain/core` names them. */
export interface FewShotPromptTemplateInput extends BasePromptTemplateInput, FewShotExampleSource {
  /** Formats one example (its variables are the example's keys). */
  examplePrompt: PromptTemplate;
  /** A template before the examples (default `""`). */
  prefix?: string | undefined;
  /** A template after the examples (default `""`), usually holding the user's input. */
  suffix?: string | undefined;
  /** Between the prefix, each example and the suffix (default `"\n\n"`). */
  exampleSeparator?: string | undefined;
  /** The syntax of the prefix and suffix (default `"f-string"`). */
  templateFormat?: TemplateFormat | undefined;
  /** Check that the prefix and suffix use only declared variables (default true). */
  validateTemplate?: boolean | undefined;
}

/**
 * A string prompt that shows examples: the prefix, each example formatted with `examplePrompt`,
 * and the suffix, joined with `exampleSeparator`, exactly as `@langchain/core` lays them out
 * (an empty prefix or suffix still takes its place, so the text then starts or ends with a
 * separator). The examples are a fixed list or an `exampleSelector`'s pick for the input.
 * `inputVariables` are inferred from the prefix and suffix when left out. Unlike
 * `@langchain/core`, which renders the joined text again as one template, the examples are
 * inserted as formatted, so braces in an example's text stay as they are (LangChain reads them
 * as variables and fails).
 *
 * @example
 * const prompt = new FewShotPromptTemplate({
 *   examples: [{ q: "2+2", a: "4" }, { q: "3+3", a: "6" }],
 *   examplePrompt: PromptTemplate.fromTemplate("Q: {q}\nA: {a}"),
 *   prefix: "Answer like the examples.",
 *   suffix: "Q: {input}\nA:",
 * });
 * await prompt.format({ input: "4+4" });
 * // "Answer like the examples.\n\nQ: 2+2\nA: 4\n\nQ: 3+3\nA: 6\n\nQ: 4+4\nA:"
 */
export class FewShotPromptTemplate<V extends InputValues = InputValues> extends BasePromptTemplate<
  V,
  StringPromptValue
> {
  readonly examples: Example[] | undefined;
  readonly exampleSelector: FewShotExampleSource["exampleSelector"];
  readonly examplePrompt: PromptTemplate;
  readonly prefix: string;
  readonly suffix: string;
  readonly exampleSeparator: string;
  readonly templateFormat: TemplateFormat;
  readonly validateTemplate: boolean;
  readonly #framing: FewShotFraming;

  constructor(input: FewShotPromptTemplateInput) {
    checkExampleSource(input, "FewShotPromptTemplate");
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

  /** The formatted text. A variable without a value is a `PromptInputError`. */
  async format(values: V): Promise<string> {
    const merged = await this.mergePartialAndUserVariables(values);
    const examples = await this.getExamples(merged);
    const shown = await Promise.all(examples.map((example) => this.examplePrompt.format(example)));
    return joinFramed(this.#framing, merged, shown);
  }

  /** The formatted text as a {@link StringPromptValue}. */
  async formatPromptValue(values: V): Promise<StringPromptValue> {
    return new StringPromptValue(await this.format(values));
  }

  /** A copy with some variables fixed (values, or functions called at each format). */
  async partial(values: PartialValues): Promise<FewShotPromptTemplate<InputValues>> {
    return new FewShotPromptTemplate<InputValues>({
      ...this.#fields(),
      inputVariables: this.inputVariables.filter((name) => !Object.hasOwn(values, name)),
      partialVariables: mergeOwn(this.partialVariables, values),
    });
  }

  #fields(): FewShotPromptTemplateInput {
    return {
      examples: this.examples,
      exampleSelector: this.exampleSelector,
      examplePrompt: this.examplePrompt,
      prefix: this.prefix,
      suffix: this.suffix,
      exampleSeparator: this.exampleSeparator,
      templateFormat: this.templateFormat,
      validateTemplate: this.validateTemplate,
    };
  }
}
