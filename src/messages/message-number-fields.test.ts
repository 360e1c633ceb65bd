import { describe, expect, it } from "vitest";
import { InvalidConfigError } from "../errors/input-errors.js";
import { AIMessage } from "./ai-message.js";
import { AIMessageChunk } from "./ai-message-chunk.js";
import { coerceMessageLikeToMessage } from "./coerce-message-like.js";
import { HumanMessage } from "./human-message.js";

// Numbers that steer merging and accounting: a NaN index never matches (fragments of one call
// stay apart), a negative or fractional one is a bug upstream, a NaN count poisons every sum.
const BAD: Array<[string, number]> = [
  ["NaN", Number.NaN],
  ["-1", -1],
  ["1.5", 1.5],
  ["Infinity", Number.POSITIVE_INFINITY],
];

describe("numeric fields of messages are checked where the message is built", () => {
  it.each(BAD)(
    "a tool_call_chunks index of %s is an InvalidConfigError naming the field",
    (_label, index) => {
      const build = () =>
        new AIMessageChunk({ content: "", tool_call_chunks: [{ name: "f", args: "{}", id: "c", index }] });
      expect(build).toThrow(InvalidConfigError);
      expect(build).toThrow(/tool_call_chunks\[0\]\.index must be a non-negative integer/);
    },
  );

  it.each(BAD)("a content block index of %s is an InvalidConfigError naming the block", (_label, index) => {
    const content = [
      { type: "text", text: "a", index: 0 },
      { type: "text", text: "b", index },
    ];
    for (const build of [
      () => new AIMessageChunk({ content }),
      () => new HumanMessage({ content }),
      () => coerceMessageLikeToMessage(["user", content]),
    ]) {
      expect(build).toThrow(InvalidConfigError);
      expect(build).toThrow(/content\[1\]\.index must be a non-negative integer/);
    }
  });

  it.each(BAD)("a usage count of %s is an InvalidConfigError naming the count", (_label, count) => {
    for (const usage of [
      { input_tokens: count, output_tokens: 1, total_tokens: 2 },
      { input_tokens: 1, output_tokens: count, total_tokens: 2 },
      { input_tokens: 1, output_tokens: 1, total_tokens: count },
      { input_tokens: 1, output_tokens: 1, total_tokens: 2, input_token_details: { cache_read: count } },
      { input_tokens: 1, output_tokens: 1, total_tokens: 2, output_token_details: { reasoning: count } },
    ]) {
      expect(() => new AIMessage({ content: "", usage_metadata: usage })).toThrow(InvalidConfigError);
      expect(() => new AIMessageChunk({ content: "", usage_metadata: usage })).toThrow(/usage_metadata\./);
    }
  });

  it("accepts 0 and positive integers, and leaves absent ones alone", () => {
    const chunk = new AIMessageChunk({
      content: [
        { type: "text", text: "a", index: 0 },
        { type: "text", text: "b" },
      ],
      tool_call_chunks: [
        { name: "f", args: "{}", id: "c", index: 0 },
        { name: "g", args: "{}", id: "d" },
      ],
      usage_metadata: { input_tokens: 0, output_tokens: 3, total_tokens: 3, input_token_details: {} },
    });
    expect(chunk.tool_calls.map((call) => call.name)).toEqual(["f", "g"]);
    expect(chunk.usage_metadata?.total_tokens).toBe(3);
  });
});
