import { InvalidInputError } from "../errors/input-errors.js";
import type { BaseExampleSelector, Example } from "./base-example-selector.js";
import type { InputValues, PartialValues } from "./prompt-variables.js";
import { parseTemplate, renderNodesWith, type TemplateFormat, templateVariables } from "./render-template.js";
import type { TemplateNode } from "./template-node.js";

/** Where a few-shot prompt's examples come from: a fixed list or a selector, exactly one. */
export interface FewShotExampleSource {
  examples?: Example[] | undefined;
  exampleSelector?: BaseExampleSelector | undefined;
}

/** Checks that exactly one of `examples` and `exampleSelector` is given. */
export function checkExampleSource(source: FewShotExampleSource, className: string): void {
  const hasExamples = source.examples !== undefined;
  const hasSelector = source.exampleSelector !== undefined;
  if (hasExamples !== hasSelector) return;
  throw new InvalidInputError(
    hasExamples
      ? `A ${className} takes examples or an exampleSelector, not both: remove one.`
      : `A ${className} needs examples (a list of value objects) or an exampleSelector: pass one.`,
  );
}

/** The examples to show: the fixed list, or the selector's pick for these values. */
export async function examplesFor(source: FewShotExampleSource, values: InputValues): Promise<Example[]> {
  if (source.examples !== undefined) return source.examples;
  // checkExampleSource ran in the constructor: one of the two is set.
  return source.exampleSelector!.selectExamples(values);
}

/** A few-shot prompt's prefix and suffix, parsed, with the variables they use. */
export interface FramingTemplates {
  prefix: TemplateNode[];
  suffix: TemplateNode[];
  used: string[];
}

/** Parses the prefix and suffix and checks they use only declared variables (when `validate`). */
export function parseFraming(
  fields: { prefix: string; suffix: string; templateFormat: TemplateFormat },
  declared: { inputVariables: readonly string[] | undefined; partialNames: readonly string[] },
  validate: boolean,
): FramingTemplates {
  const prefix = parseTemplate(fields.prefix, fields.templateFormat);
  const suffix = parseTemplate(fields.suffix, fields.templateFormat);
  const used = [...new Set([...templateVariables(prefix), ...templateVariables(suffix)])];
  const { inputVariables, partialNames } = declared;
  if (validate && inputVariables !== undefined) {
    const unknown = used.filter((name) => !inputVariables.includes(name) && !partialNames.includes(name));
    if (unknown.length > 0) {
      throw new InvalidInputError(
        `The prefix or suffix uses ${unknown.map((n) => `"${n}"`).join(", ")}, which is not in inputVariables ` +
          `(${inputVariables.join(", ") || "none"}) or partialVariables. Add it, or leave inputVariables out to infer them.`,
      );
    }
  }
  return { prefix, suffix, used };
}

/** The fields both few-shot prompts take for their prefix and suffix (`@langchain/core`'s names). */
export interface FewShotFramingInput {
  prefix?: string | undefined;
  suffix?: string | undefined;
  exampleSeparator?: string | undefined;
  templateFormat?: TemplateFormat | undefined;
  validateTemplate?: boolean | undefined;
  inputVariables?: string[] | undefined;
  partialVariables?: PartialValues | undefined;
}

/** A few-shot prompt's framing with its defaults filled in, parsed once at construction. */
export interface FewShotFraming {
  prefix: string;
  suffix: string;
  exampleSeparator: string;
  templateFormat: TemplateFormat;
  validateTemplate: boolean;
  /** The declared input variables, else those the prefix and suffix use that no partial fixes. */
  inputVariables: string[];
  partialVariables: PartialValues;
  templates: FramingTemplates;
}

/**
 * Fills in the defaults of a few-shot prompt's framing (`""` prefix and suffix, `"\n\n"`
 * separator, f-string, validated) and parses it; both few-shot prompts build theirs with it,
 * after {@link checkExampleSource}.
 */
export function resolveFraming(input: FewShotFramingInput): FewShotFraming {
  const partialVariables = input.partialVariables ?? {};
  const prefix = input.prefix ?? "";
  const suffix = input.suffix ?? "";
  const templateFormat = input.templateFormat ?? "f-string";
  const validateTemplate = input.validateTemplate ?? true;
  const templates = parseFraming(
    { prefix, suffix, templateFormat },
    { inputVariables: input.inputVariables, partialNames: Object.keys(partialVariables) },
    validateTemplate,
  );
  const inferred = templates.used.filter((name) => !Object.hasOwn(partialVariables, name));
  return {
    prefix,
    suffix,
    exampleSeparator: input.exampleSeparator ?? "\n\n",
    templateFormat,
    validateTemplate,
    inputVariables: input.inputVariables ?? inferred,
    partialVariables,
    templates,
  };
}

/** The prefix, the formatted examples and the suffix, joined with the separator (as `@langchain/core` lays them out). */
export function joinFramed(framing: FewShotFraming, values: InputValues, shown: readonly string[]): string {
  const prefix = renderNodesWith(framing.templates.prefix, framing.templateFormat, values);
  const suffix = renderNodesWith(framing.templates.suffix, framing.templateFormat, values);
  return [prefix, ...shown, suffix].join(framing.exampleSeparator);
}
