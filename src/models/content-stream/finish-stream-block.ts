import { parseToolCallArgs } from "../../messages/parse-tool-call-args.js";
import type { StreamContentBlock } from "./stream-content-block.js";

/**
 * A block in its finished form: a `tool_call_chunk` becomes a `tool_call` with its argument
 * text parsed (once, the same reading `AIMessageChunk.tool_calls` uses, so a call is valid or
 * malformed alike in both), or an `invalid_tool_call` keeping the raw text when the arguments
 * are not a JSON object or the call has no name. Other blocks are already final.
 *
 * @example
 * finishStreamBlock({ type: "tool_call_chunk", id: "c1", name: "f", args: '{"x":1}' });
 * // { type: "tool_call", id: "c1", name: "f", args: { x: 1 } }
 */
export function finishStreamBlock(block: StreamContentBlock): StreamContentBlock {
  if (block.type !== "tool_call_chunk") return block;
  const { id, name } = block;
  const text = block.args ?? "";
  const args = parseToolCallArgs(text, { partial: false });
  const ids = id === undefined ? {} : { id };
  if (args !== undefined && name !== undefined) return { type: "tool_call", ...ids, name, args };
  return {
    type: "invalid_tool_call",
    ...ids,
    ...(name === undefined ? {} : { name }),
    args: text,
    error: name === undefined ? "The tool call has no name" : "Malformed args: not a JSON object",
  };
}
