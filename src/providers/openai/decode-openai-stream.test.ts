import { RunRecorder } from "rivulet/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AbortError } from "../../errors/abort-error.js";
import type { ChatModelStreamEvent } from "../../models/content-stream/chat-model-stream-event.js";
import { LoopbackServer, readFixture } from "../test-support/loopback-server.js";
import { ChatOpenAI } from "./index.js";

const CONTENT_BLOCKS = readFixture(new URL("./fixtures/content-blocks.sse", import.meta.url));
const SSE = { "content-type": "text/event-stream" };

async function collect<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of stream) items.push(item);
  return items;
}

describe("ChatOpenAI content-block streaming (native events from Chat Completions chunks)", () => {
  let server: LoopbackServer;
  beforeAll(async () => {
    server = await LoopbackServer.start();
  });
  afterAll(() => server.close());
  const model = () =>
    new ChatOpenAI({ apiKey: "sk-test", baseURL: `${server.url}/v1`, model: "deepseek-reasoner" });

  it("gives reasoning, text and two parallel tool calls with the model's call ids, then usage", async () => {
    server.reply({ headers: SSE, body: CONTENT_BLOCKS });
    const events = await collect(model().streamEvents("Weather in Paris and Tokyo?"));
    expect(events).toStrictEqual<ChatModelStreamEvent[]>([
      { event: "message-start", id: "chatcmpl-BxR2f9Qk1" },
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
        content: {
          type: "tool_call_chunk",
          id: "call_weather_paris",
          name: "get_weather",
          args: "",
          index: 2,
        },
      },
      { event: "content-block-delta", index: 2, delta: { type: "tool-call-delta", args: '{"ci' } },
      { event: "content-block-delta", index: 2, delta: { type: "tool-call-delta", args: 'ty": "Pa' } },
      { event: "content-block-delta", index: 2, delta: { type: "tool-call-delta", args: 'ris"}' } },
      {
        event: "content-block-start",
        index: 3,
        content: {
          type: "tool_call_chunk",
          id: "call_weather_tokyo",
          name: "get_weather",
          args: "",
          index: 3,
        },
      },
      { event: "content-block-delta", index: 3, delta: { type: "tool-call-delta", args: '{"city"' } },
      { event: "content-block-delta", index: 3, delta: { type: "tool-call-delta", args: ': "Tō' } },
      { event: "content-block-delta", index: 3, delta: { type: "tool-call-delta", args: 'kyō"}' } },
      {
        event: "content-block-finish",
        index: 0,
        content: { type: "reasoning", reasoning: "Two cities, two calls." },
      },
      { event: "content-block-finish", index: 1, content: { type: "text", text: "Checking both." } },
      {
        event: "content-block-finish",
        index: 2,
        content: {
          type: "tool_call",
          id: "call_weather_paris",
          name: "get_weather",
          args: { city: "Paris" },
        },
      },
      {
        event: "content-block-finish",
        index: 3,
        content: {
          type: "tool_call",
          id: "call_weather_tokyo",
          name: "get_weather",
          args: { city: "Tōkyō" },
        },
      },
      { event: "usage", usage: { input_tokens: 80, output_tokens: 40, total_tokens: 120 } },
      {
        event: "message-finish",
        reason: "tool_use",
        usage: { input_tokens: 80, output_tokens: 40, total_tokens: 120 },
        responseMetadata: {
          finish_reason: "tool_calls",
          model_name: "deepseek-reasoner",
          system_fingerprint: "fp_62a23a81ef",
        },
      },
    ]);
  });

  it("serves .text, .toolCalls and the awaited message from one request", async () => {
    server.reply({ headers: SSE, body: CONTENT_BLOCKS });
    const requestsBefore = server.requests.length;
    const stream = model().streamEvents("Weather in Paris and Tokyo?");
    const [deltas, calls, message] = await Promise.all([
      collect(stream.text),
      collect(stream.toolCalls),
      stream,
    ]);
    expect(deltas).toStrictEqual(["Checking ", "both."]);
    expect(calls.map((call) => [call.id, call.args])).toStrictEqual([
      ["call_weather_paris", { city: "Paris" }],
      ["call_weather_tokyo", { city: "Tōkyō" }],
    ]);
    expect(message.text).toBe("Checking both.");
    expect(message.usage_metadata).toStrictEqual({ input_tokens: 80, output_tokens: 40, total_tokens: 120 });
    expect(message.response_metadata).toMatchObject({
      finish_reason: "tool_use",
      model_name: "deepseek-reasoner",
    });
    expect(server.requests.length - requestsBefore).toBe(1);
  });

  /** The fixture up to its first text delta, on a connection that then stays open. */
  const HANGING = {
    headers: SSE,
    body: CONTENT_BLOCKS.slice(0, CONTENT_BLOCKS.indexOf("both.")),
    ending: "hang" as const,
  };

  it("cancels the request and closes the run when the reader breaks out", async () => {
    server.reply(HANGING);
    const recorder = new RunRecorder();
    const stream = model().streamEvents("Weather?", { callbacks: [recorder] });
    for await (const delta of stream.text) {
      expect(delta).toBe("Checking ");
      break;
    }
    const request = server.requests.at(-1);
    expect(await request?.closed).toStrictEqual({ beforeFinished: true });
    expect(recorder.openRuns()).toStrictEqual([]);
    await expect(stream).rejects.toSatisfy(AbortError.isInstance);
  });

  it("cancels the request when the signal is aborted mid-stream", async () => {
    server.reply(HANGING);
    const controller = new AbortController();
    const stream = model().streamEvents("Weather?", { signal: controller.signal });
    const reading = (async () => {
      for await (const delta of stream.text) if (delta === "Checking ") controller.abort();
    })();
    await expect(reading).rejects.toSatisfy(AbortError.isInstance);
    expect(await server.requests.at(-1)?.closed).toStrictEqual({ beforeFinished: true });
  });
});
