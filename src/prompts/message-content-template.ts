import { InvalidInputError } from "../errors/input-errors.js";
import { isPlainObject } from "../internal/is-plain-object.js";
import { checkMessageContent } from "../messages/check-message-content.js";
import type { ContentBlock } from "../messages/content-block.js";
import {
  assertNoMissing,
  type InputValues,
  mergePartialValues,
  type PartialValues,
} from "./prompt-variables.js";
import type { TemplateFormat } from "./render-template.js";
import { compileObjectTemplate, type ObjectTemplate, renderObjectTemplate } from "./value-template.js";

/**
 * One part of a multi-part message template: a content block whose strings are templates. An
 * `image_url` block's URL is a template (`"{url}"` or `{ url: "{url}", detail }`); any other
 * block (text included) has its strings templated at any depth.
 */
export type ContentTemplateItem = ContentBlock;

/** Fields of a {@link MessageContentTemplate}. */
export interface MessageContentTemplateInput {
  template: readonly ContentTemplateItem[];
  /** `"f-string"` (`{var}`, the default) or `"mustache"` (`{{var}}`). */
  templateFormat?: TemplateFormat | undefined;
  /** Values fixed in advance; functions are called at each format. */
  partialVariables?: PartialValues | undefined;
}

type ContentPart =
  // An image block: its `image_url` strings are templates, its other fields are kept as written.
  | {
      readonly kind: "image";
      readonly block: Readonly<Record<string, unknown>>;
      readonly imageUrl: ObjectTemplate;
      readonly index: number;
    }
  | { readonly kind: "block"; readonly template: ObjectTemplate };

/** The `image_url` of an image block in object form (`"{url}"` becomes `{ url: "{url}" }`), or undefined. */
function imageUrlOf(item: Readonly<Record<string, unknown>>): Record<string, unknown> | undefined {
  const imageUrl = item.image_url;
  if (typeof imageUrl === "string") return { url: imageUrl };
  if (isPlainObject(imageUrl) && typeof imageUrl.url === "string") return imageUrl;
  return undefined;
}

function compilePart(
  block: ContentBlock,
  index: number,
  templateFormat: TemplateFormat,
  variables: Set<string>,
): ContentPart {
  // Its own fields as a record, to read them by name.
  const item: Readonly<Record<string, unknown>> = { ...block };
  const imageUrl = imageUrlOf(item);
  if (imageUrl !== undefined) {
    return {
      kind: "image",
      block: item,
      imageUrl: compileObjectTemplate(imageUrl, templateFormat, variables),
      index,
    };
  }
  return { kind: "block", template: compileObjectTemplate(item, templateFormat, variables) };
}

/**
 * The content of a message template given as a list of content blocks, formatted into a list
 * of content blocks, as `@langchain/core` formats a role template built from a list: an
 * `image_url` block's URL is a template and the block comes out in object form
 * (`image_url: { url, detail? }`); the strings of any other block (text blocks included) are
 * templates at any depth. Role templates (`HumanMessagePromptTemplate.fromTemplate([...])`)
 * and `fromMessages` entries with list content use it. The parts must be content blocks (a
 * string `type` each), as in a message: `@langchain/core`'s bare strings and `{ text }`
 * parts are an `InvalidInputError` here.
 *
 * @example
 * const content = MessageContentTemplate.fromTemplate([
 *   { type: "text", text: "What is in this picture of {subject}?" },
 *   { type: "image_url", image_url: "{image}" },
 * ]);
 * await content.format({ subject: "a cat", image: "https://example.com/cat.png" });
 * // [{ type: "text", text: "What is in this picture of a cat?" },
 * //  { type: "image_url", image_url: { url: "https://example.com/cat.png" } }]
 */
export class MessageContentTemplate {
  readonly template: readonly ContentTemplateItem[];
  readonly templateFormat: TemplateFormat;
  /** The variables the parts use, in order of first use (partial ones excluded). */
  readonly inputVariables: string[];
  readonly partialVariables: PartialValues;
  readonly #parts: readonly ContentPart[];

  constructor(input: MessageContentTemplateInput) {
    this.template = input.template;
    this.templateFormat = input.templateFormat ?? "f-string";
    this.partialVariables = input.partialVariables ?? {};
    // The same rule as a message's content, with the same error (a part without a string `type`...).
    const blocks = checkMessageContent(input.template, "A message template's");
    const variables = new Set<string>();
    this.#parts = (typeof blocks === "string" ? [] : blocks).map((block, index) =>
      compilePart(block, index, this.templateFormat, variables),
    );
    this.inputVariables = [...variables].filter((name) => !Object.hasOwn(this.partialVariables, name));
  }

  /** Builds the template from its parts; `options.templateFormat` applies to every string in them. */
  static fromTemplate(
    template: readonly ContentTemplateItem[],
    options: Omit<MessageContentTemplateInput, "template"> = {},
  ): MessageContentTemplate {
    return new MessageContentTemplate({ ...options, template });
  }

  /** The content blocks for these values. Throws a `PromptInputError` when a variable has no value. */
  async format(values: InputValues): Promise<ContentBlock[]> {
    const merged = await mergePartialValues(this.partialVariables, values);
    assertNoMissing(this.inputVariables, merged, values);
    return this.#parts.map((part) => this.#formatPart(part, merged));
  }

  #formatPart(part: ContentPart, values: InputValues): ContentBlock {
    const format = this.templateFormat;
    switch (part.kind) {
      case "image": {
        const imageUrl = renderObjectTemplate(part.imageUrl, format, values);
        if (imageUrl.url === "") {
          throw new InvalidInputError(
            `The image URL of part ${part.index} of a message template is empty once formatted: pass a URL for it.`,
          );
        }
        return { ...part.block, type: "image_url", image_url: imageUrl };
      }
      case "block": {
        const block = renderObjectTemplate(part.template, format, values);
        return { ...block, type: String(block.type) };
      }
    }
  }
}
