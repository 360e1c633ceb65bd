import { describe, expect, it } from "vitest";
import { AIMessageChunk } from "./ai-message-chunk.js";
import type { InvalidToolCall, ToolCall, ToolCallChunk } from "./tool-call.js";

const malformed = (fields: Omit<InvalidToolCall, "error" | "type">): InvalidToolCall => ({
  ...fields,
  error: "Malformed args.",
  type: "invalid_tool_call",
});

// [case, fragments, tool_calls, invalid_tool_calls]: @langchain/core 1.4's outputs for the same
// `new AIMessageChunk({ content: "", tool_call_chunks })`, run side by side.
const LANGCHAIN_CASES: Array<[string, ToolCallChunk[], ToolCall[], InvalidToolCall[]]> = [
  ["a name but no id and no args", [{ index: 0, name: "f" }], [], [malformed({ name: "f", args: "{}" })]],
  [
    "a name but no id and no index (LangChain's own test)",
    [{ name: "get_current_time", type: "tool_call_chunk" }],
    [],
    [malformed({ name: "get_current_time", args: "{}" })],
  ],
  [
    "no id, with valid args",
    [{ index: 0, name: "f", args: '{"x":1}' }],
    [],
    [malformed({ name: "f", args: '{"x":1}' })],
  ],
  [
    "two calls without ids",
    [
      { name: "f", args: '{"x":1}' },
      { name: "g", args: '{"y":2}' },
    ],
    [],
    [malformed({ name: "f", args: '{"x":1}' }), malformed({ name: "g", args: '{"y":2}' })],
  ],
  [
    "an empty id",
    [{ index: 0, id: "", name: "f", args: "{}" }],
    [],
    [malformed({ name: "f", args: "{}", id: "" })],
  ],
  [
    "bad args are kept trimmed",
    [{ index: 0, id: "a", name: "f", args: " oops " }],
    [],
    [malformed({ name: "f", args: "oops", id: "a" })],
  ],
  [
    "no name: an empty one",
    [{ index: 0, id: "a", args: "[1]" }],
    [],
    [malformed({ name: "", args: "[1]", id: "a" })],
  ],
  [
    "a name and an id but no args: a call with {}",
    [{ index: 0, name: "f", id: "a" }],
    [{ name: "f", args: {}, id: "a", type: "tool_call" }],
    [],
  ],
  [
    "blank args: {}",
    [{ index: 0, name: "f", id: "a", args: "  " }],
    [{ name: "f", args: {}, id: "a", type: "tool_call" }],
    [],
  ],
  [
    "padded args",
    [{ index: 0, name: "f", id: "a", args: ' {"x": 1} ' }],
    [{ name: "f", args: { x: 1 }, id: "a", type: "tool_call" }],
    [],
  ],
];

describe("tool calls read from fragments (as @langchain/core 1.4)", () => {
  it.each(LANGCHAIN_CASES)("%s", (_label, fragments, calls, invalid) => {
    const message = new AIMessageChunk({ content: "", tool_call_chunks: fragments });
    expect(message.tool_calls).toEqual(calls);
    expect(message.invalid_tool_calls).toEqual(invalid);
  });

  it("a call streamed without any id is invalid once merged (LangChain's concat test, same result)", () => {
    const first = new AIMessageChunk({
      content: "",
      tool_call_chunks: [{ name: "add_new_task", type: "tool_call_chunk", index: 0 }],
    });
    const second = new AIMessageChunk({
      content: "",
      tool_call_chunks: [{ args: '{"tasks":["x"]}', type: "tool_call_chunk", index: 0 }],
    });
    const merged = first.concat(second);
    expect(merged.tool_call_chunks).toEqual([
      { name: "add_new_task", type: "tool_call_chunk", index: 0, args: '{"tasks":["x"]}' },
    ]);
    expect(merged.tool_calls).toEqual([]);
    expect(merged.invalid_tool_calls).toEqual([malformed({ name: "add_new_task", args: '{"tasks":["x"]}' })]);
  });
});
