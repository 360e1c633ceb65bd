import { parsePartialJson } from "../json-stream/parse-partial-json.js";
import { isPlainObject } from "./merge-objects.js";
import type { InvalidToolCall, ToolCall, ToolCallChunk } from "./tool-call.js";

/** The tool calls a list of merged fragments stands for, split by whether their args parse. */
export interface ParsedToolCalls {
  tool_calls: ToolCall[];
  invalid_tool_calls: InvalidToolCall[];
}

/**
 * Parses arguments text. Complete JSON goes through `JSON.parse` (fast, exact); text that is not
 * complete yet (a stream cut mid-call) goes through the partial parser, so a call that is still
 * streaming shows the fields received so far, as `@langchain/core` does. Empty text means no
 * arguments.
 */
function parseArgs(text: string): unknown {
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    return parsePartialJson(text);
  }
}

/**
 * Turns merged tool-call fragments into `tool_calls` (args parsed into an object, possibly partial)
 * and `invalid_tool_calls` (args that are not a JSON object even when read as a prefix, e.g.
 * `"oops"` or `[1, 2]`). Each fragment's text is parsed once; callers cache the result.
 *
 * @example
 * parseToolCallChunks([{ name: "f", args: "{\"a\": 1}", id: "c1", index: 0 }]).tool_calls;
 * // [{ name: "f", args: { a: 1 }, id: "c1", type: "tool_call" }]
 */
export function parseToolCallChunks(chunks: readonly ToolCallChunk[]): ParsedToolCalls {
  const parsed: ParsedToolCalls = { tool_calls: [], invalid_tool_calls: [] };
  for (const chunk of chunks) {
    const args = parseArgs(chunk.args ?? "");
    if (isPlainObject(args)) {
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
