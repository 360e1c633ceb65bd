import { InvalidInputError } from "../errors/input-errors.js";
import type { RunnableSchema } from "../schema/runnable-schema.js";
import { BasePromptTemplate, type BasePromptTemplateInput } from "./base-prompt-template.js";
import { mergeOwn } from "./own-values.js";
import { promptInputSchema } from "./prompt-input-schema.js";
import type { InputValues, PartialValues } from "./prompt-variables.js";
import { parseTemplate, renderNodesWith, type TemplateFormat, templateVariables } from "./render-template.js";
import { StringPromptValue } from "./string-prompt-value.js";
import type { TemplateNode } from "./template-node.js";

/** Fields of a {@link PromptTemplate}. */
export interface PromptTemplateInput extends BasePromptTemplateInput {
  template: string;
  /** `"f-string"` (`{var}`, the default) or `"mustache"` (`{{var}}`). */
  templateFormat?: TemplateFormat | undefined;
  /** Check that every template variable is in `inputVariables` or `partialVariables` (default true). */
  validateTemplate?: boolean | undefined;
}

/** Options of {@link PromptTemplate.fromTemplate}. */
export type PromptTemplateOptions = Omit<PromptTemplateInput, "template" | "inputVariables">;

function checkTemplateFormat(format: string): TemplateFormat {
  if (format === "f-string" || format === "mustache") return format;
  throw new InvalidInputError(`Unknown templateFormat "${format}": use "f-string" or "mustache".`);
}

/**
 * A string prompt: a template whose variables are filled in to give a {@link StringPromptValue}.
 * Variables are `{name}` (f-string, the default; `{{` and `}}` are literal braces) or
 * `{{name}}` with `templateFormat: "mustache"` (dotted paths, sections). Malformed templates
 * throw an `InvalidInputError` when the prompt is built; missing values throw a
 * `PromptInputError` when it is formatted.
 *
 * @example
 * const prompt = PromptTemplate.fromTemplate("tell me a joke about {topic}");
 * prompt.inputVariables;                  // ["topic"]
 * await prompt.format({ topic: "parrots" }); // "tell me a joke about parrots"
 * await prompt.invoke("parrots");         // StringPromptValue (one variable: a string is enough)
 */
export class PromptTemplate<V extends InputValues = InputValues> extends BasePromptTemplate<
  V,
  StringPromptValue
> {
  readonly template: string;
  readonly templateFormat: TemplateFormat;
  readonly #nodes: readonly TemplateNode[];

  constructor(input: PromptTemplateInput) {
    const templateFormat = checkTemplateFormat(input.templateFormat ?? "f-string");
    const nodes = parseTemplate(input.template, templateFormat);
    const used = templateVariables(nodes);
    const partialVariables = input.partialVariables ?? {};
    const inputVariables =
      input.inputVariables ?? used.filter((name) => !Object.hasOwn(partialVariables, name));
    super({ inputVariables, partialVariables });
    this.template = input.template;
    this.templateFormat = templateFormat;
    this.#nodes = nodes;
    if (input.validateTemplate ?? true) this.#validate(used);
  }

  /** The variables, each a string (any value for mustache, whose sections take objects and lists). */
  override getInputSchema(): RunnableSchema {
    return promptInputSchema({ required: this.inputVariables, anyValue: this.templateFormat === "mustache" });
  }

  #validate(used: readonly string[]): void {
    const unknown = used.filter(
      (name) => !this.inputVariables.includes(name) && !Object.hasOwn(this.partialVariables, name),
    );
    if (unknown.length === 0) return;
    throw new InvalidInputError(
      `The template uses ${unknown.map((n) => `"${n}"`).join(", ")}, which is not in inputVariables ` +
        `(${this.inputVariables.join(", ") || "none"}) or partialVariables. Add it, or leave inputVariables out to infer them.`,
    );
  }

  /**
   * Builds a prompt from a template, inferring `inputVariables` from it.
   *
   * @example
   * PromptTemplate.fromTemplate("Hi {{user.name}}", { templateFormat: "mustache" });
   */
  static fromTemplate<V extends InputValues = InputValues>(
    template: string,
    options: PromptTemplateOptions = {},
  ): PromptTemplate<V> {
    return new PromptTemplate<V>({ ...options, template });
  }

  /** The formatted text. Throws a `PromptInputError` when a variable has no value. */
  async format(values: V): Promise<string> {
    const merged = await this.mergePartialAndUserVariables(values);
    return renderNodesWith(this.#nodes, this.templateFormat, merged);
  }

  /** The formatted text as a {@link StringPromptValue}. */
  async formatPromptValue(values: V): Promise<StringPromptValue> {
    return new StringPromptValue(await this.format(values));
  }

  /**
   * A copy with some variables fixed (values, or functions called at each format).
   *
   * @example
   * const withDate = await prompt.partial({ date: () => new Date().toDateString() });
   */
  async partial(values: PartialValues): Promise<PromptTemplate<InputValues>> {
    return new PromptTemplate<InputValues>({
      template: this.template,
      templateFormat: this.templateFormat,
      inputVariables: this.inputVariables.filter((name) => !Object.hasOwn(values, name)),
      partialVariables: mergeOwn(this.partialVariables, values),
    });
  }
}
