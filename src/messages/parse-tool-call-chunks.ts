import { mergeToolCallChunks } from "./merge-tool-call-chunks.js";
import { parseToolCallArgs } from "./parse-tool-call-args.js";
import type { InvalidToolCall, ToolCall, ToolCallChunk } from "./tool-call.js";

/** The tool calls a list of merged fragments stands for, split by whether their args parse. */
export interface ParsedToolCalls {
  tool_calls: ToolCall[];
  invalid_tool_calls: InvalidToolCall[];
}

/** The reason `@langchain/core` gives for every invalid call, whatever made it invalid. */
const MALFORMED = "Malformed args.";

/**
 * Turns tool-call fragments into `tool_calls` (args parsed into an object, partial while the text
 * is an unfinished prefix of one) and `invalid_tool_calls`, as `@langchain/core` does. Fragments
 * of one call given in one list (same index, or same id without an index) are joined first by the
 * rule `concat` uses across chunks, so a chunk built with a call's fragments reads the same as the
 * chunks of those fragments concatenated. A call is invalid ("Malformed args.", LangChain's text
 * for every case) when its args have a syntax error anywhere (`{"a":}`, `{"a":1} trailing`), are
 * not a JSON object (`[1, 2]`), or when it has no id: a call without an id cannot be answered by
 * a `ToolMessage`. An invalid call holds LangChain's fields: `name` (`""` when missing), the
 * trimmed `args` text (`"{}"` when blank) and the `id` if any. Each call's text is parsed once;
 * callers cache the result.
 *
 * @example
 * parseToolCallChunks([{ name: "f", args: "{\"a\"", id: "c1", index: 0 }, { args: ": 1}", index: 0 }]).tool_calls;
 * // [{ name: "f", args: { a: 1 }, id: "c1", type: "tool_call" }]
 * parseToolCallChunks([{ name: "f", index: 0 }]).invalid_tool_calls;
 * // [{ name: "f", args: "{}", error: "Malformed args.", type: "invalid_tool_call" }]
 */
export function parseToolCallChunks(chunks: readonly ToolCallChunk[]): ParsedToolCalls {
  const parsed: ParsedToolCalls = { tool_calls: [], invalid_tool_calls: [] };
  for (const chunk of mergeToolCallChunks([], chunks)) {
    const { id } = chunk;
    const name = chunk.name ?? "";
    const args = id ? parseToolCallArgs(chunk.args ?? "", { partial: true }) : undefined;
    if (id && args !== undefined) {
      parsed.tool_calls.push({ name, args, id, type: "tool_call" });
      continue;
    }
    const text = (chunk.args ?? "").trim();
    const invalid: InvalidToolCall = { name, args: text === "" ? "{}" : text };
    if (id !== undefined) invalid.id = id;
    parsed.invalid_tool_calls.push({ ...invalid, error: MALFORMED, type: "invalid_tool_call" });
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
