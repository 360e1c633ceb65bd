import { isNonArrayObject } from "../internal/is-non-array-object.js";
import type { ContentBlock, MessageContent } from "./content-block.js";
import type { StandardContentBlock } from "./standard-content-block.js";

type Fields = Record<string, unknown>;
type Converter = (block: Fields) => StandardContentBlock | undefined;

const stringOf = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

/** `data:<mime>;base64,<data>` split into its parts, or undefined for any other URL. */
function parseDataUrl(url: string): { mimeType: string; data: string } | undefined {
  const match = /^data:([^;,]+);base64,(.*)$/s.exec(url);
  return match === null ? undefined : { mimeType: match[1]!, data: match[2]! };
}

/** A URL as a standard media block: base64 `data` for a `data:` URL, else `url`. */
function fromUrl(type: "image" | "file", url: string): StandardContentBlock {
  const parsed = parseDataUrl(url);
  return parsed === undefined ? { type, url } : { type, ...parsed };
}

/** Keeps the streaming `index` (and `id`) of a provider block on its standard form. */
function withPlace(block: Fields, standard: StandardContentBlock): StandardContentBlock {
  const index = block.index;
  if (typeof index === "number" || typeof index === "string") standard.index = index;
  const id = stringOf(block.id);
  // A 0.3 data block's `id` is its file id (now `fileId`), not the block's.
  if (id !== undefined && standard.id === undefined && block.source_type !== "id") standard.id = id;
  return standard;
}

/** OpenAI's `image_url` (string or `{ url }`), `input_audio` and `file` parts. */
const fromOpenAI: Converter = (block) => {
  if (block.type === "image_url") {
    const url =
      typeof block.image_url === "string" ? block.image_url : stringOf(objectOf(block.image_url).url);
    return url === undefined ? undefined : fromUrl("image", url);
  }
  if (block.type === "input_audio") {
    const audio = objectOf(block.input_audio);
    const data = stringOf(audio.data);
    const format = stringOf(audio.format);
    return data === undefined || format === undefined
      ? undefined
      : { type: "audio", data, mimeType: `audio/${format}` };
  }
  if (block.type === "file" && isNonArrayObject(block.file)) {
    const fileData = stringOf(block.file.file_data);
    if (fileData !== undefined) return fromUrl("file", fileData);
    const fileId = stringOf(block.file.file_id);
    return fileId === undefined ? undefined : { type: "file", fileId };
  }
  return undefined;
};

/** Anthropic's `image` and `document` parts (a `source` of type base64, url, file or text). */
const fromAnthropicMedia: Converter = (block) => {
  if ((block.type !== "image" && block.type !== "document") || !isNonArrayObject(block.source))
    return undefined;
  const type = block.type === "image" ? "image" : "file";
  const source = block.source;
  const data = stringOf(source.data);
  if (source.type === "base64" && data !== undefined) {
    const mimeType = stringOf(source.media_type);
    return mimeType === undefined ? undefined : { type, mimeType, data };
  }
  if (source.type === "url" && typeof source.url === "string") return { type, url: source.url };
  if (source.type === "file" && typeof source.file_id === "string") return { type, fileId: source.file_id };
  if (source.type === "text" && data !== undefined) {
    return { type: "file", mimeType: stringOf(source.media_type) ?? "text/plain", data };
  }
  return undefined;
};

/** `@langchain/core` 0.3's data blocks: `{ type, source_type: "url" | "base64" | "id", mime_type }`. */
const fromLegacyData: Converter = (block) => {
  const type = block.type;
  if (type !== "image" && type !== "audio" && type !== "file" && type !== "video") return undefined;
  const sourceType = block.source_type;
  if (sourceType === undefined) return undefined;
  const mimeType = stringOf(block.mime_type);
  const metadata = isNonArrayObject(block.metadata) ? { metadata: block.metadata } : {};
  const mime = mimeType === undefined ? {} : { mimeType };
  if (sourceType === "url" && typeof block.url === "string")
    return { type, url: block.url, ...mime, ...metadata };
  if (sourceType === "base64" && typeof block.data === "string") {
    return { type, data: block.data, mimeType: mimeType ?? "application/octet-stream", ...metadata };
  }
  if (sourceType === "id" && typeof block.id === "string")
    return { type, fileId: block.id, ...mime, ...metadata };
  return undefined;
};

/** Anthropic's thinking, redacted thinking and inline tool calls. */
const fromAnthropicParts: Converter = (block) => {
  if (block.type === "thinking" && typeof block.thinking === "string") {
    const signature = stringOf(block.signature);
    return {
      type: "reasoning",
      reasoning: block.thinking,
      ...(signature === undefined ? {} : { signature }),
    };
  }
  if (block.type === "redacted_thinking") return { type: "non_standard", value: block };
  if (block.type === "tool_use" && typeof block.name === "string" && typeof block.id === "string") {
    return { type: "tool_call", id: block.id, name: block.name, args: argsObject(block.input) };
  }
  return undefined;
};

function objectOf(value: unknown): Fields {
  return isNonArrayObject(value) ? value : {};
}

/** Tool arguments as an object: an object as is, complete JSON text parsed, anything else empty. */
function argsObject(input: unknown): Record<string, unknown> {
  if (isNonArrayObject(input)) return input;
  if (typeof input !== "string" || input.trim() === "") return {};
  try {
    const parsed: unknown = JSON.parse(input);
    return isNonArrayObject(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

/** Blocks already in a standard shape pass through unchanged. */
const STANDARD_TYPES: ReadonlySet<string> = new Set([
  "reasoning",
  "refusal",
  "tool_call",
  "tool_call_chunk",
  "invalid_tool_call",
  "non_standard",
  "image",
  "audio",
  "video",
  "file",
  "text-plain",
]);

function isStandard(block: Fields): block is Fields & StandardContentBlock {
  return typeof block.type === "string" && STANDARD_TYPES.has(block.type);
}

const CONVERTERS: readonly Converter[] = [fromOpenAI, fromAnthropicMedia, fromLegacyData, fromAnthropicParts];

/** One provider block in its standard form; a block with no standard shape becomes `non_standard`. */
function toStandardBlock(block: ContentBlock): StandardContentBlock | undefined {
  const fields: Fields = { ...block };
  if (fields.type === "text") {
    if (typeof fields.text !== "string") return { type: "non_standard", value: fields };
    const { citations, ...rest } = fields;
    const text: Fields = Array.isArray(citations) ? { ...rest, annotations: citations } : rest;
    return text.text === "" ? undefined : { ...text, type: "text", text: fields.text };
  }
  for (const convert of CONVERTERS) {
    const standard = convert(fields);
    if (standard !== undefined) return withPlace(fields, standard);
  }
  if (isStandard(fields)) return fields;
  return { type: "non_standard", value: fields };
}

/**
 * A message content as standard (v1) blocks, as `@langchain/core`'s `contentBlocks` derives them:
 * text stays text (empty text dropped, Anthropic `citations` as `annotations`); OpenAI
 * `image_url` / `input_audio` / `file` parts and Anthropic `image` / `document` parts become
 * `image`, `audio` and `file` blocks (`url`, base64 `data` with `mimeType`, or `fileId`);
 * Anthropic `thinking` becomes `reasoning` (signature kept), `tool_use` a `tool_call`;
 * `@langchain/core` 0.3 data blocks (`source_type`) get v1 fields; standard blocks pass through;
 * anything else is kept whole in a `non_standard` block. Streaming `index`es are kept.
 *
 * @example
 * toStandardBlocks([{ type: "image_url", image_url: { url: "https://x/cat.png" } }]);
 * // [{ type: "image", url: "https://x/cat.png" }]
 */
export function toStandardBlocks(content: MessageContent): StandardContentBlock[] {
  if (typeof content === "string") return content === "" ? [] : [{ type: "text", text: content }];
  const blocks: StandardContentBlock[] = [];
  for (const block of content) {
    const standard = toStandardBlock(block);
    if (standard !== undefined) blocks.push(standard);
  }
  return blocks;
}
