import { InvalidConfigError } from "../../errors/input-errors.js";
import { AIMessageChunk } from "../../messages/ai-message-chunk.js";
import type { ContentBlock } from "../../messages/content-block.js";
import type { StandardContentBlock } from "../../messages/standard-content-block.js";
import { toStandardBlocks } from "../../messages/to-standard-blocks.js";

// The index a chunk's string text gets in v1, so the text of consecutive chunks joins into one block.
const TEXT_INDEX = "lc_text";
const REASONING_INDEX = "lc_reasoning";

/** Checks `outputVersion` when the model is built: `"v0"` (the provider's content) or `"v1"`. */
export function checkOutputVersion(value: unknown): "v0" | "v1" | undefined {
  if (value === undefined || value === "v0" || value === "v1") return value;
  throw new InvalidConfigError(
    `outputVersion is "v0" (the provider's content, the default) or "v1" (standard content blocks); got ${JSON.stringify(value)}.`,
  );
}

/**
 * One streamed chunk's standard blocks: its reasoning, then its content's blocks. Tool-call
 * fragments stay in `tool_call_chunks` only (the finished calls join the content at the end):
 * fragment blocks in the content would be folded a second time by every reader of the chunks.
 */
function chunkBlocks(chunk: AIMessageChunk): StandardContentBlock[] {
  const blocks: StandardContentBlock[] = [];
  const reasoning = chunk.additional_kwargs.reasoning_content;
  if (typeof reasoning === "string" && reasoning !== "") {
    blocks.push({ type: "reasoning", reasoning, index: REASONING_INDEX });
  }
  if (typeof chunk.content === "string") {
    if (chunk.content !== "") blocks.push({ type: "text", text: chunk.content, index: TEXT_INDEX });
  } else {
    blocks.push(...toStandardBlocks(chunk.content));
  }
  return blocks;
}

/** The list as message content (copies: an object type, unlike an interface, fits the generic block's index signature). */
function asContent(blocks: StandardContentBlock[]): ContentBlock[] {
  return blocks.map((block) => ({ ...block }));
}

/**
 * A streamed chunk with its content in standard (v1) blocks, as `@langchain/core` casts each
 * chunk of a model with `outputVersion: "v1"`; `response_metadata.output_version` says so.
 * Blocks carry an `index` so consecutive chunks join into whole blocks; tool-call fragments
 * appear as `tool_call_chunk` blocks (and stay in `tool_call_chunks`).
 */
export function toV1Chunk(chunk: AIMessageChunk): AIMessageChunk {
  return new AIMessageChunk({
    content: asContent(chunkBlocks(chunk)),
    additional_kwargs: chunk.additional_kwargs,
    response_metadata: { ...chunk.response_metadata, output_version: "v1" },
    id: chunk.id,
    name: chunk.name,
    tool_call_chunks: chunk.tool_call_chunks,
    usage_metadata: chunk.usage_metadata,
  });
}

/**
 * The folded answer of a v1 stream as `invoke` returns it: its blocks without the streaming
 * indexes, then its finished tool calls (`tool_call`) and the calls that did not parse
 * (`invalid_tool_call`), so the content is the message's standard blocks in order.
 */
export function finishV1Message(message: AIMessageChunk): AIMessageChunk {
  const folded =
    typeof message.content === "string" ? chunkBlocks(message) : toStandardBlocks(message.content);
  const blocks: StandardContentBlock[] = [];
  for (const block of folded) {
    if (block.type === "tool_call_chunk") continue;
    const { index: _index, ...rest } = block;
    blocks.push(rest);
  }
  for (const call of message.tool_calls) {
    if (blocks.some((block) => block.type === "tool_call" && call.id !== undefined && block.id === call.id))
      continue;
    blocks.push({
      type: "tool_call",
      ...(call.id === undefined ? {} : { id: call.id }),
      name: call.name,
      args: call.args,
    });
  }
  for (const { index: _index, type: _type, ...fields } of message.invalid_tool_calls) {
    blocks.push({ type: "invalid_tool_call", ...fields });
  }
  return new AIMessageChunk({
    content: asContent(blocks),
    additional_kwargs: message.additional_kwargs,
    response_metadata: { ...message.response_metadata, output_version: "v1" },
    id: message.id,
    name: message.name,
    tool_call_chunks: message.tool_call_chunks,
    usage_metadata: message.usage_metadata,
  });
}
