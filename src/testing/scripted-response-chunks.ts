import { checkNumberOption } from "../internal/check-number-option.js";
import { AIMessage } from "../messages/ai-message.js";
import { AIMessageChunk } from "../messages/ai-message-chunk.js";
import type { BaseMessage } from "../messages/base-message.js";
import type { ToolCall, ToolCallChunk } from "../messages/tool-call.js";

/** Options of {@link scriptedResponseChunks}. */
export interface ScriptedResponseOptions {
  /**
   * Split each tool call's JSON arguments into fragments of this many characters, one chunk
   * each (the first also carrying the call's id and name), as providers stream them; the calls
   * follow one another, then a last chunk carries the usage. Unset: each call is one fragment.
   */
  argumentsFragmentLength?: number | undefined;
}

/**
 * How a fake streams a scripted answer: its text one character per chunk, then (for an AI
 * message) its tool calls as fragments with JSON arguments, its usage and its response metadata
 * (by default all in one last chunk). Folded back, the chunks give the message's text, tool
 * calls and usage.
 *
 * @example
 * scriptedResponseChunks(new AIMessage({ content: "", tool_calls: [{ name: "search", args: { q: "x" }, id: "c1" }] }));
 * // [AIMessageChunk { tool_call_chunks: [{ index: 0, id: "c1", name: "search", args: '{"q":"x"}' }] }]
 * scriptedResponseChunks(message, { argumentsFragmentLength: 4 }); // '{"q"', ':"x"', '}' in three chunks, then the usage
 */
export function scriptedResponseChunks(
  message: BaseMessage,
  options: ScriptedResponseOptions = {},
): AIMessageChunk[] {
  const chunks = [...message.text].map((letter) => new AIMessageChunk(letter));
  if (!AIMessage.isInstance(message)) return chunks.length === 0 ? [new AIMessageChunk("")] : chunks;
  const length = checkNumberOption(
    "argumentsFragmentLength",
    options.argumentsFragmentLength,
    "positive-integer",
  );
  const fragments = message.tool_calls.map((call, index) => callFragments(call, index, length));
  const tail = {
    content: "",
    usage_metadata: message.usage_metadata,
    response_metadata: { ...message.response_metadata },
  };
  if (length === undefined) {
    return [...chunks, new AIMessageChunk({ ...tail, tool_call_chunks: fragments.flat() })];
  }
  const callChunks = fragments
    .flat()
    .map((fragment) => new AIMessageChunk({ content: "", tool_call_chunks: [fragment] }));
  return [...chunks, ...callChunks, new AIMessageChunk(tail)];
}

/** One call's fragments: its whole arguments, or pieces of `length` characters; the first names the call. */
function callFragments(call: ToolCall, index: number, length: number | undefined): ToolCallChunk[] {
  const args = JSON.stringify(call.args);
  const pieces: string[] = [];
  const size = length ?? Math.max(args.length, 1);
  for (let start = 0; start < args.length; start += size) pieces.push(args.slice(start, start + size));
  if (pieces.length === 0) pieces.push("");
  return pieces.map((piece, position) => {
    const fragment: ToolCallChunk = { index, args: piece, type: "tool_call_chunk" };
    if (position === 0) {
      fragment.name = call.name;
      if (call.id !== undefined) fragment.id = call.id;
    }
    return fragment;
  });
}
