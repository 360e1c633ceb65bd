import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { AIMessageChunk, AIMessageChunkAggregator, mergeMessageChunks } from "rivulet";
import { FakeListChatModel } from "rivulet/testing";
import { describe, expect, it } from "vitest";

function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  const gc: unknown = runInNewContext("gc");
  if (typeof gc === "function") gc();
}

function fold(chunks: AIMessageChunk[]): AIMessageChunk | undefined {
  return chunks.reduce<AIMessageChunk | undefined>(
    (acc, chunk) => (acc === undefined ? chunk : acc.concat(chunk)),
    undefined,
  );
}

const usage = { input_tokens: 3, output_tokens: 2, total_tokens: 5 };

describe("AIMessageChunkAggregator", () => {
  it("gives what folding with concat gives: text, tool-call fragments, usage, metadata, ids", () => {
    const chunks = [
      new AIMessageChunk({ content: "Hel", id: "run-1" }),
      new AIMessageChunk({ content: "lo", response_metadata: { model: "m" } }),
      new AIMessageChunk({
        content: "",
        tool_call_chunks: [{ index: 0, id: "c1", name: "f", args: '{"x":' }],
      }),
      new AIMessageChunk({ content: "", tool_call_chunks: [{ index: 0, args: "1}" }] }),
      new AIMessageChunk({ content: "!", usage_metadata: usage }),
    ];
    const aggregator = new AIMessageChunkAggregator();
    for (const chunk of chunks) aggregator.add(chunk);
    const expected = fold(chunks)!;
    const result = aggregator.result()!;
    expect(result.content).toBe("Hello!");
    expect(result.tool_calls).toEqual(expected.tool_calls);
    expect(result.usage_metadata).toEqual(usage);
    expect(result.response_metadata).toEqual(expected.response_metadata);
    expect(result.id).toBe("run-1");
    expect(mergeMessageChunks(chunks)?.tool_calls).toEqual(expected.tool_calls);
  });

  it("switches to the plain fold at the first chunk whose content is a list of blocks", () => {
    const chunks = [
      new AIMessageChunk({ content: "a" }),
      new AIMessageChunk({ content: [{ type: "text", text: "b" }] }),
      new AIMessageChunk({ content: "c" }),
    ];
    const aggregator = new AIMessageChunkAggregator();
    for (const chunk of chunks) aggregator.add(chunk);
    expect(aggregator.result()!.content).toEqual(fold(chunks)!.content);
  });

  it("is undefined before any chunk and the chunk itself after one", () => {
    const aggregator = new AIMessageChunkAggregator();
    expect(aggregator.result()).toBeUndefined();
    const only = new AIMessageChunk({ content: "x" });
    aggregator.add(only);
    expect(aggregator.result()).toBe(only);
  });

  it("keeps no chunk alive once it is folded (memory stays flat under observers)", async () => {
    const aggregator = new AIMessageChunkAggregator();
    aggregator.add(new AIMessageChunk({ content: "first" }));
    const references = Array.from({ length: 50 }, (_, i) => {
      const chunk = new AIMessageChunk({ content: `token ${i} ` });
      aggregator.add(chunk);
      return new WeakRef(chunk);
    });
    // WeakRefs are kept for the rest of the job that made them: let it end, then collect.
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    expect(references.filter((reference) => reference.deref() !== undefined)).toHaveLength(0);
    expect(aggregator.result()!.content).toContain("token 49 ");
  });

  it("is the chat model's aggregator: the end event's output is the whole message", async () => {
    const model = new FakeListChatModel({ responses: ["one two three"], chunking: "word" });
    let output: unknown;
    for await (const event of model.streamEvents("hi", { version: "v2" })) {
      if (event.event === "on_chat_model_end") output = event.data.output;
    }
    expect(output).toBeInstanceOf(AIMessageChunk);
    expect(output instanceof AIMessageChunk ? output.content : undefined).toBe("one two three");
  });
});
