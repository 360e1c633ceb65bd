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

/** One streamed chunk's standard blocks: its reasoning, its content's blocks, its tool-call fragments. */
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
  for (const fragment of chunk.tool_call_chunks) {
    const block: StandardContentBlock = { type: "tool_call_chunk" };
    if (fragment.id !== undefined) block.id = fragment.id;
    if (fragment.name !== undefined) block.name = fragment.name;
    if (fragment.args !== undefined) block.args = fragment.args;
    if (fragment.index !== undefined) block.index = fragment.index;
    blocks.push(block);
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

/** A whole answer's v1 block: a finished call in place of its fragments, no streaming index. */
function finishedBlock(
  block: StandardContentBlock,
  message: AIMessageChunk,
): StandardContentBlock | undefined {
  if (block.type === "tool_call_chunk") {
    const call = message.tool_calls.find((candidate) => candidate.id === block.id);
    if (call !== undefined)
      return {
        type: "tool_call",
        ...(call.id === undefined ? {} : { id: call.id }),
        name: call.name,
        args: call.args,
      };
    const invalid = message.invalid_tool_calls.find((candidate) => candidate.id === block.id);
    if (invalid === undefined) return undefined;
    const { index: _index, type: _type, ...fields } = invalid;
    return { type: "invalid_tool_call", ...fields };
  }
  const { index: _index, ...rest } = block;
  return rest;
}

/**
 * The folded answer of a v1 stream as `invoke` returns it: tool-call fragments replaced by the
 * finished `tool_call` (or `invalid_tool_call`) and the streaming indexes dropped, so the content
 * is the message's standard blocks in order.
 */
export function finishV1Message(message: AIMessageChunk): AIMessageChunk {
  if (typeof message.content === "string") return toV1Chunk(message);
  const blocks: StandardContentBlock[] = [];
  for (const block of toStandardBlocks(message.content)) {
    const finished = finishedBlock(block, message);
    if (finished !== undefined) blocks.push(finished);
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
