/**
 * The standard (v1) content blocks of `@langchain/core` 1.x, the provider-independent shapes
 * `message.contentBlocks` gives and a model with `outputVersion: "v1"` puts in `content`. Each
 * interface is named after LangChain's (`ContentBlock.Text` is {@link StandardTextBlock}...).
 */

/** Fields every standard block may carry: an `id` and, while streaming, the `index` that joins fragments. */
interface StandardBlockBase {
  id?: string;
  index?: number | string;
}

/** Text (`ContentBlock.Text`); `annotations` carries citations when the provider gives them. */
export interface StandardTextBlock extends StandardBlockBase {
  type: "text";
  text: string;
  annotations?: Array<Record<string, unknown>>;
}

/** The model's reasoning (`ContentBlock.Reasoning`): OpenAI-compatible `reasoning_content`, Anthropic's thinking. */
export interface ReasoningContentBlock extends StandardBlockBase {
  type: "reasoning";
  reasoning: string;
  /** Anthropic's signature of the thinking, needed to send it back. */
  signature?: string;
}

/** A refusal to answer (`ContentBlock.Refusal`), from OpenAI's `refusal`. */
export interface RefusalContentBlock extends StandardBlockBase {
  type: "refusal";
  refusal: string;
}

/** A complete tool call (`ContentBlock.Tools.ToolCall`). */
export interface ToolCallContentBlock extends StandardBlockBase {
  type: "tool_call";
  name: string;
  args: Record<string, unknown>;
}

/** A fragment of a streamed tool call (`ContentBlock.Tools.ToolCallChunk`): `args` is JSON text. */
export interface ToolCallChunkContentBlock extends StandardBlockBase {
  type: "tool_call_chunk";
  name?: string;
  args?: string;
}

/** A tool call whose arguments did not parse (`ContentBlock.Tools.InvalidToolCall`). */
export interface InvalidToolCallContentBlock extends StandardBlockBase {
  type: "invalid_tool_call";
  name?: string;
  args?: string;
  error?: string;
}

/**
 * Media or a file (`ContentBlock.Multimodal.*`): by `url`, by base64 `data` with its `mimeType`,
 * or by a provider `fileId`.
 */
export interface DataContentBlock<Type extends "image" | "audio" | "video" | "file" | "text-plain">
  extends StandardBlockBase {
  type: Type;
  url?: string;
  data?: string;
  fileId?: string;
  mimeType?: string;
  metadata?: Record<string, unknown>;
}

/** An image (`ContentBlock.Multimodal.Image`). */
export type ImageContentBlock = DataContentBlock<"image">;
/** Audio (`ContentBlock.Multimodal.Audio`). */
export type AudioContentBlock = DataContentBlock<"audio">;
/** Video (`ContentBlock.Multimodal.Video`). */
export type VideoContentBlock = DataContentBlock<"video">;
/** A file, a PDF say (`ContentBlock.Multimodal.File`). */
export type FileContentBlock = DataContentBlock<"file">;
/** A plain-text document (`ContentBlock.Multimodal.PlainText`), its text in `text` or `data`. */
export interface PlainTextContentBlock extends DataContentBlock<"text-plain"> {
  text?: string;
  title?: string;
}

/** A provider part with no standard shape (`ContentBlock.NonStandard`), kept whole in `value`. */
export interface NonStandardContentBlock extends StandardBlockBase {
  type: "non_standard";
  value: Record<string, unknown>;
}

/**
 * One standard content block (`@langchain/core`'s `ContentBlock.Standard`). Narrow on `type`.
 *
 * @example
 * for (const block of message.contentBlocks) {
 *   if (block.type === "reasoning") console.log("thought:", block.reasoning);
 *   else if (block.type === "tool_call") console.log("call:", block.name, block.args);
 * }
 */
export type StandardContentBlock =
  | StandardTextBlock
  | ReasoningContentBlock
  | RefusalContentBlock
  | ToolCallContentBlock
  | ToolCallChunkContentBlock
  | InvalidToolCallContentBlock
  | ImageContentBlock
  | AudioContentBlock
  | VideoContentBlock
  | FileContentBlock
  | PlainTextContentBlock
  | NonStandardContentBlock;
