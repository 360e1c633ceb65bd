import { FakeStreamingChatModel } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { AIMessage } from "./ai-message.js";
import { AIMessageChunk } from "./ai-message-chunk.js";
import { coerceMessageLikeToMessage } from "./coerce-message-like.js";
import { chunkToMessage } from "./message-to-chunk.js";
import type { ToolCallChunk } from "./tool-call.js";

const chunk = (tool_call_chunks: ToolCallChunk[]) => new AIMessageChunk({ content: "", tool_call_chunks });
const single = (args: string) => chunk([{ index: 0, id: "c1", name: "weather", args }]);
const malformed = (args: string) => ({
  name: "weather",
  args,
  id: "c1",
  error: "Malformed args.",
  type: "invalid_tool_call",
});

// As in @langchain/core 1.4: args are read with a partial JSON parser that throws on a syntax
// error, and only a JSON object counts as arguments; anything else is "Malformed args.".
describe("tool-call args that are not JSON", () => {
  it.each([
    ['{"a":}'],
    ["{not json"],
    ['{"city":"Paris"} trailing'],
    ['{"city":"Paris"}}'],
    ['{"city":"Paris",}'],
    ['{"city" "Paris"}'],
    ["{'city': 'Paris'}"],
    ['```json\n{"city":"Paris"}\n```'],
    ['Sure: {"city":"Paris"}'],
  ])("%j is an invalid tool call, not a call with the fields read before the error", (args) => {
    const message = single(args);
    expect(message.tool_calls).toEqual([]);
    expect(message.invalid_tool_calls).toEqual([malformed(args)]);
  });

  it.each([["[1,2]"], ['"str"'], ["3"], ["null"], ["true"], ["[1,"], ['"unfinished']])(
    "%j (JSON, or a prefix of JSON, that is not an object) is an invalid tool call",
    (args) => {
      expect(single(args).tool_calls).toEqual([]);
      expect(single(args).invalid_tool_calls).toEqual([malformed(args)]);
    },
  );

  it("a syntax error mid-stream makes the call invalid at once, and it stays invalid", () => {
    const parts = ['{"city": ', "}", ', "unit": "C"}'];
    let acc = single("");
    const seen: number[] = [];
    for (const args of parts) {
      acc = acc.concat(chunk([{ index: 0, args }]));
      seen.push(acc.invalid_tool_calls.length);
    }
    expect(seen).toEqual([0, 1, 1]);
    expect(acc.tool_calls).toEqual([]);
  });

  it("an unfinished prefix mid-stream is a partial tool call (parsePartialJson, as LangChain)", () => {
    for (const [args, expected] of [
      ['{"ci', {}],
      ['{"city": "Pa', { city: "Pa" }],
      ['{"city": "Paris", "days": [1, 2', { city: "Paris", days: [1, 2] }],
      ["  ", {}],
    ] as const) {
      const message = single(args);
      expect(message.invalid_tool_calls).toEqual([]);
      expect(message.tool_calls).toEqual([{ name: "weather", args: expected, id: "c1", type: "tool_call" }]);
    }
  });

  it("the final message of a stream cut mid-args keeps the partial call, as LangChain's aggregated chunk does", async () => {
    const model = new FakeStreamingChatModel({
      chunks: [
        new AIMessageChunk({
          content: "",
          tool_call_chunks: [{ index: 0, id: "c1", name: "weather", args: '{"ci' }],
        }),
        new AIMessageChunk({ content: "", tool_call_chunks: [{ index: 0, args: 'ty": "Pa' }] }),
      ],
    });
    const final = await model.invoke("weather?");
    expect(final.tool_calls).toEqual([
      { name: "weather", args: { city: "Pa" }, id: "c1", type: "tool_call" },
    ]);
    expect(chunkToMessage(final).tool_calls).toEqual(final.tool_calls);
  });

  it("the final message of a stream with a syntax error holds an invalid call, also after chunkToMessage", async () => {
    const model = new FakeStreamingChatModel({
      chunks: [
        new AIMessageChunk({
          content: "",
          tool_call_chunks: [{ index: 0, id: "c1", name: "weather", args: '{"city":' }],
        }),
        new AIMessageChunk({ content: "", tool_call_chunks: [{ index: 0, args: '"Paris"} trailing' }] }),
      ],
    });
    const final = await model.invoke("weather?");
    expect(final.tool_calls).toEqual([]);
    expect(final.invalid_tool_calls).toEqual([malformed('{"city":"Paris"} trailing')]);
    expect(chunkToMessage(final).invalid_tool_calls).toEqual(final.invalid_tool_calls);
  });

  it("a complete OpenAI-style message is read strictly: a prefix or a non-object is malformed", () => {
    const message = coerceMessageLikeToMessage({
      role: "assistant",
      content: "",
      tool_calls: [
        { id: "a", type: "function", function: { name: "f", arguments: '{"ci' } },
        { id: "b", type: "function", function: { name: "g", arguments: "[1]" } },
        { id: "c", type: "function", function: { name: "h", arguments: '{"x":1}' } },
      ],
    });
    if (!AIMessage.isInstance(message)) throw new Error("expected an AIMessage");
    expect(message.tool_calls).toEqual([{ name: "h", args: { x: 1 }, id: "c", type: "tool_call" }]);
    expect(message.invalid_tool_calls.map((call) => [call.id, call.args, call.error])).toEqual([
      ["a", '{"ci', "Malformed args."],
      ["b", "[1]", "Malformed args."],
    ]);
  });
});
