/**
 * A text part of a message. Streaming providers tag parts with `index` (a number, or a string such
 * as `"lc_txt_0"`) so fragments can be joined.
 */
export interface TextContentBlock {
  type: "text";
  text: string;
  index?: number | string;
}

/** An image part, as a URL or a `data:` URL, optionally with a detail hint (OpenAI's shape). */
export interface ImageUrlContentBlock {
  type: "image_url";
  image_url: string | { url: string; detail?: "auto" | "low" | "high" };
  index?: number | string;
}

/** A reasoning part (Anthropic's extended thinking). `signature` arrives once, usually at the end. */
export interface ThinkingContentBlock {
  type: "thinking";
  thinking: string;
  signature?: string;
  index?: number | string;
}

/**
 * A tool call written inline in the content (Anthropic's shape). While streaming, `input` holds
 * fragments of JSON text that join like any other string; once complete it is usually an object.
 */
export interface ToolUseContentBlock {
  type: "tool_use";
  id?: string;
  name?: string;
  input?: string | Record<string, unknown>;
  index?: number | string;
}

/** Any other provider-specific part. Kept as is; merged key by key with the next piece of the same `index` and kind. */
export interface GenericContentBlock {
  type: string;
  index?: number | string;
  [key: string]: unknown;
}

/**
 * One part of a multi-part message content. Narrow on `type`; the generic fallback keeps unknown
 * provider parts without losing them.
 *
 * @example
 * const content: ContentBlock[] = [{ type: "text", text: "Describe:" }, { type: "image_url", image_url: url }];
 */
export type ContentBlock =
  | TextContentBlock
  | ImageUrlContentBlock
  | ThinkingContentBlock
  | ToolUseContentBlock
  | GenericContentBlock;

/** The content of a message: plain text, or a list of parts (`@langchain/core`'s `MessageContent`). */
export type MessageContent = string | ContentBlock[];

/** The text of a content: the string itself, or its `text` blocks joined with no separator. */
export function contentText(content: MessageContent): string {
  if (typeof content === "string") return content;
  let text = "";
  for (const block of content) {
    if (block.type === "text" && typeof block.text === "string") text += block.text;
  }
  return text;
}
