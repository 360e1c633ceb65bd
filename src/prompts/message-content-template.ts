import { InvalidInputError } from "../errors/input-errors.js";
import { isPlainObject } from "../internal/is-plain-object.js";
import type { ContentBlock } from "../messages/content-block.js";
import {
  assertNoMissing,
  type InputValues,
  mergePartialValues,
  type PartialValues,
} from "./prompt-variables.js";
import { parseTemplate, renderNodesWith, type TemplateFormat, templateVariables } from "./render-template.js";
import type { TemplateNode } from "./template-node.js";
import { compileObjectTemplate, type ObjectTemplate, renderObjectTemplate } from "./value-template.js";

/**
 * One part of a multi-part message template: a template string or `{ text }` (a text block),
 * an `image_url` block whose URL is a template (`"{url}"` or `{ url: "{url}", detail }`), or
 * any other content block, whose strings are templates at any depth.
 */
export type ContentTemplateItem = string | { text: string } | ContentBlock;

/** Fields of a {@link MessageContentTemplate}. */
export interface MessageContentTemplateInput {
  template: readonly ContentTemplateItem[];
  /** `"f-string"` (`{var}`, the default) or `"mustache"` (`{{var}}`). */
  templateFormat?: TemplateFormat | undefined;
  /** Values fixed in advance; functions are called at each format. */
  partialVariables?: PartialValues | undefined;
}

type ContentPart =
  // A string or `{ text }`: a text block, left out when its text formats to "".
  | { readonly kind: "text"; readonly nodes: readonly TemplateNode[]; readonly textFirst: boolean }
  // An image block: its `image_url` strings are templates, its other fields are kept as written.
  | {
      readonly kind: "image";
      readonly block: Readonly<Record<string, unknown>>;
      readonly imageUrl: ObjectTemplate;
      readonly index: number;
    }
  | { readonly kind: "block"; readonly template: ObjectTemplate };

const HOW =
  'Use template strings, { text } objects or content blocks like { type: "text", text: "{question}" }.';

function isTextItem(item: Record<string, unknown>): boolean {
  const keys = Object.keys(item);
  return keys.length === 1 && keys[0] === "text" && typeof item.text === "string";
}

/** The `image_url` of an image block in object form (`"{url}"` becomes `{ url: "{url}" }`), or undefined. */
function imageUrlOf(item: Record<string, unknown>): Record<string, unknown> | undefined {
  const imageUrl = item.image_url;
  if (typeof imageUrl === "string") return { url: imageUrl };
  if (isPlainObject(imageUrl) && typeof imageUrl.url === "string") return imageUrl;
  return undefined;
}

function compilePart(
  item: unknown,
  index: number,
  templateFormat: TemplateFormat,
  variables: Set<string>,
): ContentPart {
  const text =
    typeof item === "string" ? item : isPlainObject(item) && isTextItem(item) ? item.text : undefined;
  if (typeof text === "string") {
    const nodes = parseTemplate(text, templateFormat);
    for (const name of templateVariables(nodes)) variables.add(name);
    return { kind: "text", nodes, textFirst: typeof item !== "string" };
  }
  if (!isPlainObject(item)) {
    throw new InvalidInputError(`Part ${index} of a message template is not a string or an object. ${HOW}`);
  }
  const imageUrl = imageUrlOf(item);
  if (imageUrl !== undefined) {
    return {
      kind: "image",
      block: item,
      imageUrl: compileObjectTemplate(imageUrl, templateFormat, variables),
      index,
    };
  }
  if (typeof item.type !== "string") {
    throw new InvalidInputError(
      `Part ${index} of a message template is an object without a string \`type\`. ${HOW}`,
    );
  }
  return { kind: "block", template: compileObjectTemplate(item, templateFormat, variables) };
}

/**
 * The content of a message template given as a list of parts (text, images, other blocks),
 * formatted into a list of content blocks, as `@langchain/core` formats a role template built
 * from a list: strings and `{ text }` objects become text blocks (left out when they format to
 * `""`); an `image_url` block's URL is a template and the block comes out in object form
 * (`image_url: { url, detail? }`); the strings of any other block are templates at any depth.
 * Role templates (`HumanMessagePromptTemplate.fromTemplate([...])`) and `fromMessages` entries
 * with list content use it.
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
    const variables = new Set<string>();
    this.#parts = input.template.map((item, index) =>
      compilePart(item, index, this.templateFormat, variables),
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
    const blocks: ContentBlock[] = [];
    for (const part of this.#parts) {
      const block = this.#formatPart(part, merged);
      if (block !== undefined) blocks.push(block);
    }
    return blocks;
  }

  #formatPart(part: ContentPart, values: InputValues): ContentBlock | undefined {
    const format = this.templateFormat;
    switch (part.kind) {
      case "text": {
        const text = renderNodesWith(part.nodes, format, values);
        if (text === "") return undefined;
        // `{ text }` parts keep their key first, as @langchain/core writes them.
        return part.textFirst ? { text, type: "text" } : { type: "text", text };
      }
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
