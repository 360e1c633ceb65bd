import { mergeToolCallChunks } from "./merge-tool-call-chunks.js";
import { parseToolCallArgs } from "./parse-tool-call-args.js";
import type { InvalidToolCall, ToolCall, ToolCallChunk } from "./tool-call.js";

/** The tool calls a list of merged fragments stands for, split by whether their args parse. */
export interface ParsedToolCalls {
  tool_calls: ToolCall[];
  invalid_tool_calls: InvalidToolCall[];
}

/**
 * Turns tool-call fragments into `tool_calls` (args parsed into an object, partial while the text
 * is an unfinished prefix of one) and `invalid_tool_calls` ("Malformed args.": a syntax error
 * anywhere, e.g. `{"a":}` or `{"a":1} trailing`, or a value that is not an object, e.g. `[1, 2]`),
 * as `@langchain/core` does. Fragments of one call given in one list (same index, or same id
 * without an index) are joined first by the rule `concat` uses across chunks, so a chunk built
 * with a call's fragments reads the same as the chunks of those fragments concatenated. Each
 * call's text is parsed once; callers cache the result.
 *
 * @example
 * parseToolCallChunks([{ name: "f", args: "{\"a\"", id: "c1", index: 0 }, { args: ": 1}", index: 0 }]).tool_calls;
 * // [{ name: "f", args: { a: 1 }, id: "c1", type: "tool_call" }]
 */
export function parseToolCallChunks(chunks: readonly ToolCallChunk[]): ParsedToolCalls {
  const parsed: ParsedToolCalls = { tool_calls: [], invalid_tool_calls: [] };
  for (const chunk of mergeToolCallChunks([], chunks)) {
    const args = parseToolCallArgs(chunk.args ?? "", { partial: true });
    if (args !== undefined) {
      const id = chunk.id === undefined ? {} : { id: chunk.id };
      parsed.tool_calls.push({ name: chunk.name ?? "", args, ...id, type: "tool_call" });
      continue;
    }
    const invalid: InvalidToolCall = {};
    if (chunk.name !== undefined) invalid.name = chunk.name;
    if (chunk.args !== undefined) invalid.args = chunk.args;
    if (chunk.id !== undefined) invalid.id = chunk.id;
    if (chunk.index !== undefined) invalid.index = chunk.index;
    parsed.invalid_tool_calls.push({ ...invalid, error: "Malformed args.", type: "invalid_tool_call" });
  }
  return parsed;
}

/**
 * The fragments that stand for complete tool calls: args serialised back to JSON text. Used when a
 * chunk is built from `tool_calls` alone, so that merging still has fragments to work on.
 */
export function toolCallsToChunks(calls: readonly ToolCall[]): ToolCallChunk[] {
  return calls.map((call) => {
    const chunk: ToolCallChunk = {
      name: call.name,
      args: JSON.stringify(call.args),
      type: "tool_call_chunk",
    };
    if (call.id !== undefined) chunk.id = call.id;
    return chunk;
  });
}
