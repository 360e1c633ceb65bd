import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatModelStreamEvent } from "../../models/content-stream/chat-model-stream-event.js";
import { LoopbackServer, readFixture } from "../test-support/loopback-server.js";
import { ChatOllama } from "./index.js";

const CONTENT_BLOCKS = readFixture(new URL("./fixtures/content-blocks.ndjson", import.meta.url));
const NDJSON = { "content-type": "application/x-ndjson" };

async function collect<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of stream) items.push(item);
  return items;
}

/** The events with the call ids Rivulet generates (Ollama sends none) replaced by their position. */
function withStableIds(events: ChatModelStreamEvent[]): unknown[] {
  const ids: string[] = [];
  return JSON.parse(
    JSON.stringify(events).replace(/call_[0-9a-f-]{36}/g, (id) => {
      if (!ids.includes(id)) ids.push(id);
      return `<call ${ids.indexOf(id)}>`;
    }),
  );
}

describe("ChatOllama content-block streaming (native events from /api/chat lines)", () => {
  let server: LoopbackServer;
  beforeAll(async () => {
    server = await LoopbackServer.start();
  });
  afterAll(() => server.close());
  const model = () => new ChatOllama({ baseUrl: server.url, model: "qwen3" });

  it("gives thinking, text, each whole tool call finished on arrival, then usage", async () => {
    server.reply({ headers: NDJSON, body: CONTENT_BLOCKS });
    const events = await collect(model().streamEvents("Weather in Paris and Tokyo?"));
    expect(withStableIds(events)).toStrictEqual([
      { event: "message-start" },
      { event: "content-block-start", index: 0, content: { type: "reasoning", reasoning: "" } },
      {
        event: "content-block-delta",
        index: 0,
        delta: { type: "reasoning-delta", reasoning: "Two cities," },
      },
      {
        event: "content-block-delta",
        index: 0,
        delta: { type: "reasoning-delta", reasoning: " two calls." },
      },
      { event: "content-block-start", index: 1, content: { type: "text", text: "" } },
      { event: "content-block-delta", index: 1, delta: { type: "text-delta", text: "Checking " } },
      { event: "content-block-delta", index: 1, delta: { type: "text-delta", text: "both." } },
      {
        event: "content-block-start",
        index: 2,
        content: { type: "tool_call_chunk", id: "<call 0>", name: "get_weather", args: "", index: 2 },
      },
      {
        event: "content-block-delta",
        index: 2,
        delta: { type: "tool-call-delta", args: '{"city":"Paris"}' },
      },
      {
        event: "content-block-finish",
        index: 2,
        content: { type: "tool_call", id: "<call 0>", name: "get_weather", args: { city: "Paris" } },
      },
      {
        event: "content-block-start",
        index: 3,
        content: { type: "tool_call_chunk", id: "<call 1>", name: "get_weather", args: "", index: 3 },
      },
      {
        event: "content-block-delta",
        index: 3,
        delta: { type: "tool-call-delta", args: '{"city":"Tōkyō"}' },
      },
      {
        event: "content-block-finish",
        index: 3,
        content: { type: "tool_call", id: "<call 1>", name: "get_weather", args: { city: "Tōkyō" } },
      },
      {
        event: "content-block-finish",
        index: 0,
        content: { type: "reasoning", reasoning: "Two cities, two calls." },
      },
      { event: "content-block-finish", index: 1, content: { type: "text", text: "Checking both." } },
      { event: "usage", usage: { input_tokens: 80, output_tokens: 30, total_tokens: 110 } },
      {
        event: "message-finish",
        reason: "tool_use",
        usage: { input_tokens: 80, output_tokens: 30, total_tokens: 110 },
        responseMetadata: {
          model_name: "qwen3",
          done_reason: "stop",
          total_duration: 812345678,
          load_duration: 12345678,
          prompt_eval_duration: 45678901,
          eval_duration: 654321098,
        },
      },
    ]);
  });

  it("serves .text, .toolCalls and the awaited message from one request", async () => {
    server.reply({ headers: NDJSON, body: CONTENT_BLOCKS });
    const requestsBefore = server.requests.length;
    const stream = model().streamEvents("Weather in Paris and Tokyo?");
    const [text, calls, message] = await Promise.all([stream.text, collect(stream.toolCalls), stream]);
    expect(text).toBe("Checking both.");
    expect(calls.map((call) => call.args)).toStrictEqual([{ city: "Paris" }, { city: "Tōkyō" }]);
    expect(message.tool_calls.map((call) => call.id)).toStrictEqual(calls.map((call) => call.id));
    expect(message.usage_metadata).toStrictEqual({ input_tokens: 80, output_tokens: 30, total_tokens: 110 });
    expect(server.requests.length - requestsBefore).toBe(1);
  });
});
