import { AbortError, AIMessageChunk, BaseChatModel } from "rivulet";
import { FakeStreamingChatModel, RunRecorder, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import type { ChatModelStreamEvent } from "./chat-model-stream-event.js";

/** Reasoning, then text, then two parallel tool calls whose argument fragments interleave, then usage. */
function scriptedChunks(): AIMessageChunk[] {
  return [
    new AIMessageChunk({ content: "", additional_kwargs: { reasoning_content: "Two cities" } }),
    new AIMessageChunk({ content: "", additional_kwargs: { reasoning_content: ", two calls." } }),
    new AIMessageChunk("Checking "),
    new AIMessageChunk("both."),
    new AIMessageChunk({
      content: "",
      tool_call_chunks: [
        { index: 0, id: "call_a", name: "weather", args: '{"ci' },
        { index: 1, id: "call_b", name: "weather", args: '{"city":' },
      ],
    }),
    new AIMessageChunk({ content: "", tool_call_chunks: [{ index: 1, args: ' "Rome"}' }] }),
    new AIMessageChunk({ content: "", tool_call_chunks: [{ index: 0, args: 'ty": "Paris"}' }] }),
    new AIMessageChunk({
      content: "",
      response_metadata: { finish_reason: "tool_calls", model_name: "fake-1" },
      usage_metadata: { input_tokens: 12, output_tokens: 30, total_tokens: 42 },
    }),
  ];
}

/** A model of endless tokens that counts what it produced and whether its stream was closed. */
class CountingModel extends BaseChatModel {
  produced = 0;
  closed = false;
  _llmType(): string {
    return "counting";
  }
  override async *_streamChunks(): AsyncIterable<AIMessageChunk> {
    try {
      for (;;) {
        this.produced++;
        yield new AIMessageChunk(`t${this.produced} `);
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    } finally {
      this.closed = true;
    }
  }
}

/** Every item of `stream`, read with `for await` (the streams are thenables: `toArray` would await them). */
async function collect<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of stream) items.push(item);
  return items;
}

function model(chunks = scriptedChunks()): FakeStreamingChatModel {
  return new FakeStreamingChatModel({ chunks });
}

describe("model.streamEvents(input) without a version: content-block streaming", () => {
  it("gives the whole transcript: message start, each block's start, deltas and finish, message finish", async () => {
    const events = await collect(model().streamEvents("Weather in Paris and Rome?"));
    expect(events.map((e) => (e.event === "message-start" ? { ...e, id: "<id>" } : e))).toStrictEqual<
      ChatModelStreamEvent[]
    >([
      { event: "message-start", id: "<id>" },
      { event: "content-block-start", index: 0, content: { type: "reasoning", reasoning: "" } },
      { event: "content-block-delta", index: 0, delta: { type: "reasoning-delta", reasoning: "Two cities" } },
      {
        event: "content-block-delta",
        index: 0,
        delta: { type: "reasoning-delta", reasoning: ", two calls." },
      },
      { event: "content-block-start", index: 1, content: { type: "text", text: "" } },
      { event: "content-block-delta", index: 1, delta: { type: "text-delta", text: "Checking " } },
      { event: "content-block-delta", index: 1, delta: { type: "text-delta", text: "both." } },
      {
        event: "content-block-start",
        index: 2,
        content: { type: "tool_call_chunk", id: "call_a", name: "weather", args: "", index: 2 },
      },
      { event: "content-block-delta", index: 2, delta: { type: "tool-call-delta", args: '{"ci' } },
      {
        event: "content-block-start",
        index: 3,
        content: { type: "tool_call_chunk", id: "call_b", name: "weather", args: "", index: 3 },
      },
      { event: "content-block-delta", index: 3, delta: { type: "tool-call-delta", args: '{"city":' } },
      { event: "content-block-delta", index: 3, delta: { type: "tool-call-delta", args: ' "Rome"}' } },
      { event: "content-block-delta", index: 2, delta: { type: "tool-call-delta", args: 'ty": "Paris"}' } },
      { event: "usage", usage: { input_tokens: 12, output_tokens: 30, total_tokens: 42 } },
      {
        event: "content-block-finish",
        index: 0,
        content: { type: "reasoning", reasoning: "Two cities, two calls." },
      },
      { event: "content-block-finish", index: 1, content: { type: "text", text: "Checking both." } },
      {
        event: "content-block-finish",
        index: 2,
        content: { type: "tool_call", id: "call_a", name: "weather", args: { city: "Paris" } },
      },
      {
        event: "content-block-finish",
        index: 3,
        content: { type: "tool_call", id: "call_b", name: "weather", args: { city: "Rome" } },
      },
      {
        event: "message-finish",
        reason: "tool_use",
        usage: { input_tokens: 12, output_tokens: 30, total_tokens: 42 },
        responseMetadata: { finish_reason: "tool_calls", model_name: "fake-1" },
      },
    ]);
  });

  it("serves .text, .toolCalls and await from one call, read at the same time", async () => {
    const recorder = new RunRecorder();
    const stream = model().streamEvents("Weather?", { callbacks: [recorder] });
    const [deltas, full, calls, message] = await Promise.all([
      collect(stream.text),
      collect(stream.text.full),
      collect(stream.toolCalls),
      stream,
    ]);
    expect(deltas).toStrictEqual(["Checking ", "both."]);
    expect(full).toStrictEqual(["Checking ", "Checking both."]);
    expect(calls.map((c) => [c.id, c.args])).toStrictEqual([
      ["call_a", { city: "Paris" }],
      ["call_b", { city: "Rome" }],
    ]);
    expect(message.text).toBe("Checking both.");
    expect(message.tool_calls.map((c) => c.id)).toStrictEqual(["call_a", "call_b"]);
    expect(message.usage_metadata).toStrictEqual({ input_tokens: 12, output_tokens: 30, total_tokens: 42 });
    expect(message.response_metadata).toMatchObject({ finish_reason: "tool_use", output_version: "v1" });
    // One model call, one run, seen by the callbacks.
    expect(recorder.lines().filter((l) => !l.startsWith("stream:"))).toStrictEqual([
      "start:FakeStreamingChatModel",
      "end:FakeStreamingChatModel",
    ]);
  });

  it("serves .text, then .toolCalls and await after it, without calling the model again", async () => {
    const recorder = new RunRecorder();
    const stream = model().streamEvents("Weather?", { callbacks: [recorder] });
    let text = "";
    for await (const delta of stream.text) text += delta;
    expect(text).toBe("Checking both.");
    expect((await stream.toolCalls).map((c) => c.args.city)).toStrictEqual(["Paris", "Rome"]);
    expect(await stream.reasoning).toBe("Two cities, two calls.");
    expect(await stream.usage).toStrictEqual({ input_tokens: 12, output_tokens: 30, total_tokens: 42 });
    expect((await stream).tool_calls).toHaveLength(2);
    expect(recorder.lines().filter((l) => l.startsWith("start:"))).toHaveLength(1);
  });

  it("gives every concurrent reader every event", async () => {
    const stream = model().streamEvents("Weather?");
    const [first, second] = await Promise.all([collect(stream), collect(stream)]);
    expect(first).toHaveLength(19);
    expect(second).toStrictEqual(first);
  });

  it("gives a reader that starts late a compact catch-up that folds to the same message", async () => {
    const stream = model().streamEvents("Weather?");
    await stream;
    const late = await collect(stream);
    expect(late.filter((e) => e.event === "content-block-delta")).toStrictEqual([
      {
        event: "content-block-delta",
        index: 0,
        delta: { type: "reasoning-delta", reasoning: "Two cities, two calls." },
      },
      { event: "content-block-delta", index: 1, delta: { type: "text-delta", text: "Checking both." } },
      {
        event: "content-block-delta",
        index: 2,
        delta: { type: "tool-call-delta", args: '{"city": "Paris"}' },
      },
      {
        event: "content-block-delta",
        index: 3,
        delta: { type: "tool-call-delta", args: '{"city": "Rome"}' },
      },
    ]);
    expect(late.at(-1)).toMatchObject({ event: "message-finish", reason: "tool_use" });
    expect(await collect(stream.text)).toStrictEqual(["Checking both."]);
  });

  it("streams argument slices with the partial arguments, per call", async () => {
    const deltas = await collect(model().streamEvents("Weather?").toolCalls.deltas);
    expect(deltas.map((d) => [d.id, d.args, d.partialArgs])).toStrictEqual([
      ["call_a", '{"ci', {}],
      ["call_b", '{"city":', {}],
      ["call_b", ' "Rome"}', { city: "Rome" }],
      ["call_a", 'ty": "Paris"}', { city: "Paris" }],
    ]);
  });

  it("cancels the call and closes its run when the only reader breaks out", async () => {
    const recorder = new RunRecorder();
    const slow = new CountingModel();
    const stream = slow.streamEvents("go", { callbacks: [recorder] });
    for await (const delta of stream.text) {
      expect(delta).toBe("t1 ");
      break;
    }
    expect(slow.produced).toBe(1);
    expect(slow.closed).toBe(true);
    expect(recorder.openRuns()).toStrictEqual([]);
    await expect(stream).rejects.toSatisfy(AbortError.isInstance);
  });

  it("stops on an aborted signal with the abort error, and the run is closed", async () => {
    const recorder = new RunRecorder();
    const controller = new AbortController();
    const stream = model().streamEvents("Weather?", { signal: controller.signal, callbacks: [recorder] });
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const event of stream) {
          seen.push(event.event);
          if (event.event === "content-block-start") controller.abort();
        }
      })(),
    ).rejects.toSatisfy(AbortError.isInstance);
    expect(seen.slice(0, 2)).toStrictEqual(["message-start", "content-block-start"]);
    expect(recorder.openRuns()).toStrictEqual([]);
    await expect(stream.output).rejects.toSatisfy(AbortError.isInstance);
  });

  it("keeps the run-event stream for version v1 and v2", async () => {
    const v2 = await toArray(model().streamEvents("hi", { version: "v2" }));
    expect(v2[0]).toMatchObject({ event: "on_chat_model_start" });
    const v1 = await toArray(model().streamEvents("hi", { version: "v1" }));
    expect(v1.at(-1)).toMatchObject({ event: "on_llm_end" });
  });

  it("derives a text-only answer as one text block that finishes with reason stop", async () => {
    const stream = model([new AIMessageChunk("Hel"), new AIMessageChunk("lo")]).streamEvents("hi");
    const events = await collect(stream);
    expect(events.map((e) => e.event)).toStrictEqual([
      "message-start",
      "content-block-start",
      "content-block-delta",
      "content-block-delta",
      "content-block-finish",
      "message-finish",
    ]);
    expect(events.at(-1)).toMatchObject({ reason: "stop" });
    expect((await stream).content).toStrictEqual([{ type: "text", text: "Hello" }]);
  });

  it("reports malformed tool arguments as an invalid tool call, not a tool call", async () => {
    const broken = model([
      new AIMessageChunk({
        content: "",
        tool_call_chunks: [{ index: 0, id: "c1", name: "f", args: '{"a":}' }],
      }),
    ]);
    const stream = broken.streamEvents("hi");
    expect(await stream.toolCalls).toStrictEqual([]);
    const message = await stream;
    expect(message.invalid_tool_calls).toStrictEqual([
      {
        id: "c1",
        name: "f",
        args: '{"a":}',
        error: "Malformed args: not a JSON object",
        type: "invalid_tool_call",
      },
    ]);
  });

  it("derives blocks from list content: thinking with its signature, indexed text, other parts as non-standard", async () => {
    const chunks = [
      new AIMessageChunk({ content: [{ type: "thinking", thinking: "Think", index: 0 }] }),
      new AIMessageChunk({ content: [{ type: "thinking", thinking: "", signature: "sig", index: 0 }] }),
      new AIMessageChunk({ content: [{ type: "text", text: "Done", index: 1 }] }),
      new AIMessageChunk({ content: [{ type: "redacted_thinking", data: "opaque", index: 2 }] }),
    ];
    const stream = model(chunks).streamEvents("hi");
    const finished = (await collect(stream)).filter((e) => e.event === "content-block-finish");
    expect(finished).toStrictEqual([
      {
        event: "content-block-finish",
        index: 0,
        content: { type: "reasoning", reasoning: "Think", signature: "sig" },
      },
      { event: "content-block-finish", index: 1, content: { type: "text", text: "Done" } },
      {
        event: "content-block-finish",
        index: 2,
        content: { type: "non_standard", value: { type: "redacted_thinking", data: "opaque" } },
      },
    ]);
    expect(await stream.reasoning).toBe("Think");
  });
});
