/** A text block of a streamed message; `text-delta`s append to `text`. */
export interface StreamTextBlock {
  type: "text";
  text: string;
  id?: string;
}

/** A reasoning block (OpenAI-compatible `reasoning_content`, Anthropic's and Ollama's thinking); `reasoning-delta`s append to `reasoning`. */
export interface StreamReasoningBlock {
  type: "reasoning";
  reasoning: string;
  /** Anthropic's signature of the thinking, which must be sent back with it. */
  signature?: string;
  id?: string;
}

/** A tool call while its arguments stream: `tool-call-delta`s append to `args` (JSON text, not valid until the end). */
export interface StreamToolCallChunkBlock {
  type: "tool_call_chunk";
  id?: string;
  name?: string;
  args?: string;
  index?: number;
}

/** A finished tool call with its parsed arguments (what `content-block-finish` carries for a call). */
export interface StreamToolCallBlock {
  type: "tool_call";
  id?: string;
  name: string;
  args: Record<string, unknown>;
}

/** A finished tool call whose arguments were not a JSON object, or that had no name; `args` keeps the raw text. */
export interface StreamInvalidToolCallBlock {
  type: "invalid_tool_call";
  id?: string;
  name?: string;
  args?: string;
  error: string;
}

/** A provider part with no standard shape (an Anthropic `redacted_thinking`, an unknown part), kept as `value`. */
export interface StreamNonStandardBlock {
  type: "non_standard";
  value: Record<string, unknown>;
}

/**
 * One content block of a streamed chat-model message, in `@langchain/core` 1.x's standard
 * (v1) shapes: `text`, `reasoning`, `tool_call_chunk` while a call streams, `tool_call` or
 * `invalid_tool_call` once it is finished, and `non_standard` for anything else. Narrow on
 * `type`.
 *
 * @example
 * if (event.event === "content-block-finish" && event.content.type === "tool_call") {
 *   console.log(event.content.name, event.content.args);
 * }
 */
export type StreamContentBlock =
  | StreamTextBlock
  | StreamReasoningBlock
  | StreamToolCallChunkBlock
  | StreamToolCallBlock
  | StreamInvalidToolCallBlock
  | StreamNonStandardBlock;
