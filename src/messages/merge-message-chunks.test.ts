import { AIMessageChunk, mergeMessageChunks } from "rivulet";
import { describe, expect, it } from "vitest";

function stream(): AIMessageChunk[] {
  return [
    new AIMessageChunk({
      content: "",
      usage_metadata: { input_tokens: 5, output_tokens: 1, total_tokens: 6 },
    }),
    new AIMessageChunk({ content: "Hel", id: "run-1" }),
    new AIMessageChunk({ content: "lo", additional_kwargs: { note: "a" } }),
    new AIMessageChunk({ content: "", tool_call_chunks: [{ index: 0, id: "c1", name: "f", args: '{"x":' }] }),
    new AIMessageChunk({ content: " there", additional_kwargs: { note: "b" } }),
    new AIMessageChunk({ content: "", tool_call_chunks: [{ index: 1, id: "c2", name: "g", args: "{}" }] }),
    new AIMessageChunk({ content: "", tool_call_chunks: [{ index: 0, args: "1}" }] }),
    new AIMessageChunk({
      content: "",
      response_metadata: { stop_reason: "end_turn" },
      usage_metadata: { input_tokens: 0, output_tokens: 7, total_tokens: 7 },
    }),
  ];
}

describe("mergeMessageChunks", () => {
  it("equals folding the chunks with concat", () => {
    const chunks = stream();
    const folded = chunks.reduce((a, b) => a.concat(b));
    const merged = mergeMessageChunks(chunks);
    expect(merged?.toJSON()).toEqual(folded.toJSON());
    expect(merged?.tool_calls).toEqual(folded.tool_calls);
    expect(merged?.text).toBe("Hello there");
    expect(merged?.usage_metadata?.output_tokens).toBe(8);
  });

  it("falls back to concat for content blocks, and handles 0 and 1 chunks", () => {
    const blocks = [
      new AIMessageChunk({ content: [{ type: "text", text: "a", index: 0 }] }),
      new AIMessageChunk({ content: [{ type: "text", text: "b", index: 0 }] }),
    ];
    expect(mergeMessageChunks(blocks)?.toJSON()).toEqual(blocks[0]?.concat(blocks[1]!).toJSON());
    expect(mergeMessageChunks([])).toBeUndefined();
    const one = new AIMessageChunk("x");
    expect(mergeMessageChunks([one])).toBe(one);
  });
});
