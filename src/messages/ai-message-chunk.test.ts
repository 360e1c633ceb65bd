import { inspect } from "node:util";
import { describe, expect, it, vi } from "vitest";
import { AIMessage } from "./ai-message.js";
import { AIMessageChunk, isAIMessageChunk } from "./ai-message-chunk.js";
import type { ToolCallChunk } from "./tool-call.js";

const chunk = (tool_call_chunks: ToolCallChunk[], id?: string) =>
  new AIMessageChunk({ content: "", tool_call_chunks, id });
const fold = (chunks: AIMessageChunk[]) => chunks.reduce((acc, next) => acc.concat(next));

describe("AIMessageChunk.concat", () => {
  it("joins string content, merges metadata and keeps the first id", () => {
    const a = new AIMessageChunk({ content: "The", id: "run-1", response_metadata: { model_name: "m" } });
    const b = new AIMessageChunk({ content: " sky", id: "run-2", response_metadata: { model_name: "m" } });
    const c = new AIMessageChunk({ content: "", response_metadata: { finish_reason: "stop" } });
    const all = fold([a, b, c]);
    expect(all.content).toBe("The sky");
    expect(all.id).toBe("run-1");
    expect(all.response_metadata).toEqual({ model_name: "m", finish_reason: "stop" });
    expect(new AIMessageChunk("x").concat(new AIMessageChunk({ content: "y", id: "late" })).id).toBe("late");
  });

  it("merges additional_kwargs recursively", () => {
    const a = new AIMessageChunk({
      content: "",
      additional_kwargs: { function_call: { name: "f", arguments: "{" } },
    });
    const b = new AIMessageChunk({
      content: "",
      additional_kwargs: { function_call: { name: "f", arguments: "}" } },
    });
    expect(a.concat(b).additional_kwargs).toEqual({ function_call: { name: "f", arguments: "{}" } });
  });

  it("adds usage counts up", () => {
    const a = new AIMessageChunk({
      content: "",
      usage_metadata: {
        input_tokens: 8,
        output_tokens: 1,
        total_tokens: 9,
        input_token_details: { cache_read: 1 },
      },
    });
    const b = new AIMessageChunk("Hi");
    const c = new AIMessageChunk({
      content: "",
      usage_metadata: { input_tokens: 0, output_tokens: 12, total_tokens: 12, input_token_details: {} },
    });
    expect(fold([a, b, c]).usage_metadata).toEqual({
      input_tokens: 8,
      output_tokens: 13,
      total_tokens: 21,
      input_token_details: { cache_read: 1 },
    });
    expect(b.concat(b).usage_metadata).toBeUndefined();
  });

  it("joins the fragmented args of one call in order", () => {
    const parts = ['{"ci', 'ty": "Pa', "ris", '"}'];
    const all = fold([
      chunk([{ index: 0, id: "call_1", name: "weather", args: "" }]),
      ...parts.map((args) => chunk([{ index: 0, args }])),
    ]);
    expect(all.tool_call_chunks).toEqual([
      { index: 0, id: "call_1", name: "weather", args: '{"city": "Paris"}' },
    ]);
    expect(all.tool_calls).toEqual([
      { name: "weather", args: { city: "Paris" }, id: "call_1", type: "tool_call" },
    ]);
    expect(all.invalid_tool_calls).toEqual([]);
  });

  it("keeps two parallel calls with indexes 0 and 1 apart, even interleaved", () => {
    const all = fold([
      chunk([{ index: 0, id: "a", name: "f", args: '{"x"' }]),
      chunk([{ index: 1, id: "b", name: "g", args: '{"y"' }]),
      chunk([{ index: 0, args: ": 1}" }]),
      chunk([{ index: 1, args: ": 2}" }]),
    ]);
    expect(all.tool_calls).toEqual([
      { name: "f", args: { x: 1 }, id: "a", type: "tool_call" },
      { name: "g", args: { y: 2 }, id: "b", type: "tool_call" },
    ]);
  });

  it("does not fuse two calls without index but with different ids (langchainjs #8394, #8276)", () => {
    const all = fold([
      chunk([{ id: "a", name: "f", args: '{"x": 1}' }]),
      chunk([{ id: "b", name: "f", args: '{"x": 2}' }]),
    ]);
    expect(all.tool_calls.map((call) => [call.id, call.args])).toEqual([
      ["a", { x: 1 }],
      ["b", { x: 2 }],
    ]);
  });

  it("does not fuse two calls that reuse index 0 with different ids", () => {
    const all = fold([
      chunk([{ index: 0, id: "a", name: "f", args: "{}" }]),
      chunk([{ index: 0, id: "b", name: "g", args: '{"q": "r"}' }]),
    ]);
    expect(all.tool_calls.map((call) => call.name)).toEqual(["f", "g"]);
  });

  it("puts args that are not a JSON object into invalid_tool_calls", () => {
    const all = chunk([
      { index: 0, id: "a", name: "f", args: "oops" },
      { index: 1, id: "b", name: "g", args: "[1, 2]" },
    ]);
    expect(all.tool_calls).toEqual([]);
    expect(all.invalid_tool_calls).toEqual([
      { name: "f", args: "oops", id: "a", error: "Malformed args.", type: "invalid_tool_call" },
      { name: "g", args: "[1, 2]", id: "b", error: "Malformed args.", type: "invalid_tool_call" },
    ]);
  });

  it("gives a partial object for args that are still streaming, and {} for no args", () => {
    const partial = chunk([{ index: 0, id: "a", name: "f", args: '{"city": "Pa' }]);
    expect(partial.tool_calls[0]?.args).toEqual({ city: "Pa" });
    expect(chunk([{ index: 0, id: "a", name: "f" }]).tool_calls[0]?.args).toEqual({});
  });

  it("changes neither operand", () => {
    const a = new AIMessageChunk({
      content: [{ type: "text", text: "a", index: 0 }],
      tool_call_chunks: [{ index: 0, id: "x", name: "f", args: "{" }],
      usage_metadata: { input_tokens: 1, output_tokens: 1, total_tokens: 2 },
    });
    const b = new AIMessageChunk({
      content: [{ type: "text", text: "b", index: 0 }],
      tool_call_chunks: [{ index: 0, args: "}" }],
      usage_metadata: { input_tokens: 1, output_tokens: 1, total_tokens: 2 },
    });
    const before = [a.toJSON(), b.toJSON()].map((json) => structuredClone(json));
    const merged = a.concat(b);
    expect(merged.content).toEqual([{ type: "text", text: "ab", index: 0 }]);
    expect([a.toJSON(), b.toJSON()]).toEqual(before);
    expect(merged).not.toBe(a);
  });

  it("folds 10,000 one-character fragments and parses the args once, when read", () => {
    const text = JSON.stringify({ text: "x".repeat(9_990) });
    const parse = vi.spyOn(JSON, "parse");
    try {
      let acc = chunk([{ index: 0, id: "c", name: "echo", args: "" }]);
      for (const char of text) acc = acc.concat(chunk([{ index: 0, args: char }]));
      expect(parse).not.toHaveBeenCalled();
      const calls = acc.tool_calls;
      expect(acc.tool_calls).toBe(calls);
      expect(parse).toHaveBeenCalledTimes(1);
      expect(calls[0]?.args).toEqual({ text: "x".repeat(9_990) });
    } finally {
      parse.mockRestore();
    }
  });
});

describe("AIMessageChunk construction", () => {
  // Expected values are @langchain/core 1.4's outputs for the same fragments (run side by side).
  const LOCATION = ['{"', "location", '":"', "San", " Francisco", '"}'];
  const oneChunk: Array<[string, ToolCallChunk[], unknown[]]> = [
    [
      "fragments sharing an index",
      [
        { index: 0, id: "a", name: "f", args: '{"x"' },
        { index: 0, args: ":1}" },
      ],
      [{ name: "f", args: { x: 1 }, id: "a", type: "tool_call" }],
    ],
    [
      "fragments sharing an id, no index",
      [
        { id: "a", name: "f", args: '{"x"' },
        { id: "a", args: ":1}" },
      ],
      [{ name: "f", args: { x: 1 }, id: "a", type: "tool_call" }],
    ],
    [
      "fragments repeating the name and id",
      [
        { index: 0, id: "a", name: "f", args: '{"x"' },
        { index: 0, id: "a", name: "f", args: ":1}" },
      ],
      [{ name: "f", args: { x: 1 }, id: "a", type: "tool_call" }],
    ],
    [
      "two calls interleaved",
      [
        { index: 0, id: "a", name: "f", args: '{"x"' },
        { index: 1, id: "b", name: "g", args: '{"y"' },
        { index: 0, args: ":1}" },
        { index: 1, args: ":2}" },
      ],
      [
        { name: "f", args: { x: 1 }, id: "a", type: "tool_call" },
        { name: "g", args: { y: 2 }, id: "b", type: "tool_call" },
      ],
    ],
    [
      "an OpenAI stream's fragments in one chunk (LangChain's own test)",
      [
        { name: "get_weather", args: "", id: "call_q6", index: 0, type: "tool_call_chunk" },
        ...LOCATION.map((args): ToolCallChunk => ({ args, index: 0, type: "tool_call_chunk" })),
      ],
      [{ name: "get_weather", args: { location: "San Francisco" }, id: "call_q6", type: "tool_call" }],
    ],
    [
      "two calls reusing index 0 with different ids (kept apart)",
      [
        { index: 0, id: "a", name: "f", args: "{}" },
        { index: 0, id: "b", name: "g", args: "{}" },
      ],
      [
        { name: "f", args: {}, id: "a", type: "tool_call" },
        { name: "g", args: {}, id: "b", type: "tool_call" },
      ],
    ],
  ];

  it.each(oneChunk)("joins the fragments of one call given in one chunk: %s", (_label, fragments, calls) => {
    const given = structuredClone(fragments);
    const message = chunk(fragments);
    expect(message.tool_calls).toEqual(calls);
    expect(message.invalid_tool_calls).toEqual([]);
    // The fragments stay as given (LangChain keeps them too); only the calls are joined.
    expect(message.tool_call_chunks).toEqual(given);
    // One chunk holding the fragments reads like the chunks of those fragments concatenated.
    expect(fold(given.map((fragment) => chunk([fragment]))).tool_calls).toEqual(calls);
  });

  it("joins a fragment that brings the id late to its call, as concat does (LangChain's constructor splits it)", () => {
    // @langchain/core 1.4 groups { index: 0 } and { index: 0, id: "a" } apart in its constructor
    // (two invalid calls) but fuses them in concat; Rivulet reads one chunk as it reads the concat.
    const fragments: ToolCallChunk[] = [
      { index: 0, name: "f", args: '{"x"' },
      { index: 0, id: "a", args: ":1}" },
    ];
    const calls = [{ name: "f", args: { x: 1 }, id: "a", type: "tool_call" }];
    expect(chunk(fragments).tool_calls).toEqual(calls);
    expect(fold(fragments.map((fragment) => chunk([fragment]))).tool_calls).toEqual(calls);
  });

  it("derives fragments from complete tool_calls and keeps the calls as given", () => {
    const c = new AIMessageChunk({ content: "", tool_calls: [{ name: "f", args: { a: 1 }, id: "x" }] });
    expect(c.tool_call_chunks).toEqual([{ name: "f", args: '{"a":1}', id: "x", type: "tool_call_chunk" }]);
    expect(c.tool_calls).toEqual([{ name: "f", args: { a: 1 }, id: "x" }]);
  });

  it("is an AIMessage, recognised by brand", () => {
    const c = new AIMessageChunk("hi");
    expect(c).toBeInstanceOf(AIMessage);
    expect(AIMessage.isInstance(c)).toBe(true);
    expect(AIMessageChunk.isInstance(c)).toBe(true);
    expect(isAIMessageChunk(new AIMessage("hi"))).toBe(false);
    expect(isAIMessageChunk({ type: "ai", content: "" })).toBe(false);
    expect(c.type).toBe("ai");
    expect(c.getType()).toBe("ai");
  });
});

describe("AIMessageChunk printing", () => {
  it("prints like the seed transcripts", () => {
    const c = new AIMessageChunk({ content: "The", id: "run-c3885fff-3783-4b6d-85c4-4aeb45a02b1a" });
    expect(inspect(c)).toBe("AIMessageChunk(content='The', id='run-c3885fff-3783-4b6d-85c4-4aeb45a02b1a')");
    expect(String(c)).toBe(inspect(c));
    expect(inspect({ chunk: new AIMessageChunk({ content: "!", id: "run-1" }) })).toBe(
      "{ chunk: AIMessageChunk(content='!', id='run-1') }",
    );
  });

  it("shows usage, metadata and tool calls when set, escaping content as Python's repr does", () => {
    const c = new AIMessageChunk({
      content: '\n  "countries":',
      id: "run-1",
      response_metadata: { stop_reason: "end_turn" },
      usage_metadata: {
        input_tokens: 14,
        output_tokens: 4,
        total_tokens: 18,
        input_token_details: { cache_read: 0 },
      },
      tool_call_chunks: [{ index: 0, id: "a", name: "f", args: "{}" }],
    });
    expect(inspect(c)).toBe(
      "AIMessageChunk(content='\\n  \"countries\":', response_metadata={'stop_reason': 'end_turn'}, id='run-1', " +
        "tool_calls=[{'name': 'f', 'args': {}, 'id': 'a', 'type': 'tool_call'}], " +
        "usage_metadata={'input_tokens': 14, 'output_tokens': 4, 'total_tokens': 18, 'input_token_details': {'cache_read': 0}}, " +
        "tool_call_chunks=[{'index': 0, 'id': 'a', 'name': 'f', 'args': '{}'}])",
    );
    expect(inspect(new AIMessageChunk("it's"))).toBe(`AIMessageChunk(content="it's")`);
  });
});
