import { InvalidInputError } from "../errors/input-errors.js";
import { PromptInputError } from "../errors/prompt-input-error.js";
import { BasePromptTemplate, type BasePromptTemplateInput } from "./base-prompt-template.js";
import { type ImageContent, ImagePromptValue } from "./image-prompt-value.js";
import { mergeOwn, ownEntries, ownValue } from "./own-values.js";
import type { InputValues, PartialValues } from "./prompt-variables.js";
import { parseTemplate, renderNodesWith, type TemplateFormat, templateVariables } from "./render-template.js";
import type { TemplateNode } from "./template-node.js";

/** Fields of an {@link ImagePromptTemplate}, as `@langchain/core` names them. */
export interface ImagePromptTemplateInput extends BasePromptTemplateInput {
  /** The image's fields, `url` and optionally `detail`; their strings are templates. */
  template: Record<string, unknown>;
  /** The syntax of the template strings (default `"f-string"`). */
  templateFormat?: TemplateFormat | undefined;
  /** Check that the templates use only declared variables (default true). */
  validateTemplate?: boolean | undefined;
}

const DETAILS: readonly string[] = ["auto", "low", "high"];

function isDetail(value: string): value is NonNullable<ImageContent["detail"]> {
  return DETAILS.includes(value);
}

/** The template's string fields, parsed once. */
function parseFields(template: Record<string, unknown>, format: TemplateFormat): Map<string, TemplateNode[]> {
  const parsed = new Map<string, TemplateNode[]>();
  for (const [key, value] of ownEntries(template)) {
    if (typeof value === "string") parsed.set(key, parseTemplate(value, format));
  }
  return parsed;
}

function checkDeclared(used: readonly string[], input: ImagePromptTemplateInput): void {
  const declared = input.inputVariables;
  if (declared === undefined || input.validateTemplate === false) return;
  const partials = input.partialVariables ?? {};
  const unknown = used.filter((name) => !declared.includes(name) && !Object.hasOwn(partials, name));
  if (unknown.length === 0) return;
  throw new InvalidInputError(
    `The image template uses ${unknown.map((n) => `"${n}"`).join(", ")}, which is not in inputVariables ` +
      `(${declared.join(", ") || "none"}) or partialVariables. Add it, or leave inputVariables out to infer them.`,
  );
}

/**
 * A prompt for one image: its template's `url` (and `detail`) are templates, formatted into an
 * {@link ImageContent} (`format`) or an {@link ImagePromptValue} (`invoke`), which a chat model
 * reads as a human message holding the image. As in `@langchain/core`, a `url` or `detail`
 * variable given at format time is used as is, over the template's. No URL, or a `detail`
 * other than `"auto"`, `"low"` or `"high"`, is a `PromptInputError`. Unlike `@langchain/core`,
 * partial variables are applied (LangChain's `format` ignores them).
 *
 * @example
 * const image = new ImagePromptTemplate({ template: { url: "https://img.example/{id}.png", detail: "high" } });
 * await image.format({ id: "7" }); // { url: "https://img.example/7.png", detail: "high" }
 */
export class ImagePromptTemplate<V extends InputValues = InputValues> extends BasePromptTemplate<
  V,
  ImagePromptValue,
  ImageContent
> {
  readonly template: Record<string, unknown>;
  readonly templateFormat: TemplateFormat;
  readonly validateTemplate: boolean;
  readonly #fields: Map<string, TemplateNode[]>;

  constructor(input: ImagePromptTemplateInput) {
    const templateFormat = input.templateFormat ?? "f-string";
    const fields = parseFields(input.template, templateFormat);
    const used = [...new Set([...fields.values()].flatMap((nodes) => templateVariables(nodes)))];
    checkDeclared(used, input);
    const partialVariables = input.partialVariables ?? {};
    const inferred = used.filter((name) => !Object.hasOwn(partialVariables, name));
    super({ inputVariables: input.inputVariables ?? inferred, partialVariables });
    this.template = input.template;
    this.templateFormat = templateFormat;
    this.validateTemplate = input.validateTemplate ?? true;
    this.#fields = fields;
  }

  #field(name: string, values: InputValues): unknown {
    const given = ownValue(values, name);
    if (given) return given;
    const nodes = this.#fields.get(name);
    return nodes === undefined
      ? ownValue(this.template, name)
      : renderNodesWith(nodes, this.templateFormat, values);
  }

  /** The image: its URL and, when set, its detail. */
  async format(values: V): Promise<ImageContent> {
    const merged = await this.mergePartialAndUserVariables(values);
    const url = this.#field("url", merged);
    const detail = this.#field("detail", merged);
    const given = Object.keys(values);
    if (typeof url !== "string" || url === "") {
      const message = `An image prompt needs a URL as a string: set template.url, or pass { url: "https://..." }${
        url ? `; got ${typeof url}` : ""
      }.`;
      throw new PromptInputError({ missing: url ? [] : ["url"], given, message });
    }
    if (!detail) return { url };
    if (typeof detail === "string" && isDetail(detail)) return { url, detail };
    throw new PromptInputError({
      missing: [],
      given,
      message: `An image's detail is "auto", "low" or "high"; got ${JSON.stringify(detail)}.`,
    });
  }

  /** The image as an {@link ImagePromptValue}. */
  async formatPromptValue(values: V): Promise<ImagePromptValue> {
    return new ImagePromptValue(await this.format(values));
  }

  /** A copy with some variables fixed (values, or functions called at each format). */
  async partial(values: PartialValues): Promise<ImagePromptTemplate<InputValues>> {
    return new ImagePromptTemplate<InputValues>({
      template: this.template,
      templateFormat: this.templateFormat,
      validateTemplate: this.validateTemplate,
      inputVariables: this.inputVariables.filter((name) => !Object.hasOwn(values, name)),
      partialVariables: mergeOwn(this.partialVariables, values),
    });
  }
}
