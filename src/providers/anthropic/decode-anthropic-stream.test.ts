import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatModelStreamEvent } from "../../models/content-stream/chat-model-stream-event.js";
import { LoopbackServer, readFixture } from "../test-support/loopback-server.js";
import { ChatAnthropic } from "./index.js";

const CONTENT_BLOCKS = readFixture(new URL("./fixtures/content-blocks.sse", import.meta.url));

async function collect<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of stream) items.push(item);
  return items;
}

describe("ChatAnthropic content-block streaming (native events from the Messages stream)", () => {
  let server: LoopbackServer;
  beforeAll(async () => {
    server = await LoopbackServer.start();
  });
  afterAll(() => server.close());
  const model = () =>
    new ChatAnthropic({ apiKey: "sk-ant-test", baseURL: server.url, model: "claude-sonnet-4-5" });

  it("gives thinking, text and two tool calls as blocks, each finished when Anthropic stops it", async () => {
    server.reply({ headers: { "content-type": "text/event-stream" }, body: CONTENT_BLOCKS });
    const events = await collect(model().streamEvents("Weather in Paris and Tokyo?"));
    expect(events).toStrictEqual<ChatModelStreamEvent[]>([
      {
        event: "message-start",
        id: "msg_01XFDUDYJgAACzvnptvVoYEL",
        usage: {
          input_tokens: 25,
          output_tokens: 0,
          total_tokens: 25,
          input_token_details: { cache_read: 0, cache_creation: 0 },
        },
      },
      { event: "content-block-start", index: 0, content: { type: "reasoning", reasoning: "" } },
      {
        event: "content-block-delta",
        index: 0,
        delta: { type: "reasoning-delta", reasoning: "The user wants" },
      },
      {
        event: "content-block-delta",
        index: 0,
        delta: { type: "reasoning-delta", reasoning: " a short answer" },
      },
      {
        event: "content-block-delta",
        index: 0,
        delta: { type: "reasoning-delta", reasoning: " about 2+2." },
      },
      {
        event: "content-block-delta",
        index: 0,
        delta: {
          type: "block-delta",
          fields: { type: "reasoning", signature: "EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds" },
        },
      },
      {
        event: "content-block-finish",
        index: 0,
        content: {
          type: "reasoning",
          reasoning: "The user wants a short answer about 2+2.",
          signature: "EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds",
        },
      },
      { event: "content-block-start", index: 1, content: { type: "text", text: "" } },
      { event: "content-block-delta", index: 1, delta: { type: "text-delta", text: "2 + 2" } },
      { event: "content-block-delta", index: 1, delta: { type: "text-delta", text: " = 4." } },
      { event: "content-block-finish", index: 1, content: { type: "text", text: "2 + 2 = 4." } },
      {
        event: "content-block-start",
        index: 2,
        content: { type: "tool_call_chunk", id: "toolu_01Paris", name: "get_weather", args: "", index: 2 },
      },
      { event: "content-block-delta", index: 2, delta: { type: "tool-call-delta", args: '{"ci' } },
      { event: "content-block-delta", index: 2, delta: { type: "tool-call-delta", args: 'ty": "Pa' } },
      { event: "content-block-delta", index: 2, delta: { type: "tool-call-delta", args: 'ris"}' } },
      {
        event: "content-block-finish",
        index: 2,
        content: { type: "tool_call", id: "toolu_01Paris", name: "get_weather", args: { city: "Paris" } },
      },
      {
        event: "content-block-start",
        index: 3,
        content: { type: "tool_call_chunk", id: "toolu_02Tokyo", name: "get_weather", args: "", index: 3 },
      },
      { event: "content-block-delta", index: 3, delta: { type: "tool-call-delta", args: '{"city"' } },
      { event: "content-block-delta", index: 3, delta: { type: "tool-call-delta", args: ': "Tō' } },
      { event: "content-block-delta", index: 3, delta: { type: "tool-call-delta", args: 'kyō"}' } },
      {
        event: "content-block-finish",
        index: 3,
        content: { type: "tool_call", id: "toolu_02Tokyo", name: "get_weather", args: { city: "Tōkyō" } },
      },
      {
        event: "usage",
        usage: {
          input_tokens: 25,
          output_tokens: 89,
          total_tokens: 114,
          input_token_details: { cache_read: 0, cache_creation: 0 },
        },
      },
      {
        event: "message-finish",
        reason: "tool_use",
        usage: {
          input_tokens: 25,
          output_tokens: 89,
          total_tokens: 114,
          input_token_details: { cache_read: 0, cache_creation: 0 },
        },
        responseMetadata: { model_name: "claude-sonnet-4-5-20250929", stop_reason: "tool_use" },
      },
    ]);
  });

  it("yields each tool call as soon as its block stops, and the same call serves the text and the message", async () => {
    server.reply({ headers: { "content-type": "text/event-stream" }, body: CONTENT_BLOCKS });
    const requestsBefore = server.requests.length;
    const stream = model().streamEvents("Weather in Paris and Tokyo?");
    const order: string[] = [];
    const watchEvents = (async () => {
      for await (const event of stream) {
        if (event.event === "content-block-start") order.push(`start ${event.index}`);
      }
    })();
    const watchCalls = (async () => {
      for await (const call of stream.toolCalls) order.push(`call ${call.id}`);
    })();
    const [text, reasoning, usage, message] = await Promise.all([
      stream.text,
      stream.reasoning,
      stream.usage,
      stream,
      watchEvents,
      watchCalls,
    ]);
    // Paris is finished (and yielded) before Tokyo's block starts: the wire's content_block_stop, not the end.
    expect(order.indexOf("call toolu_01Paris")).toBeLessThan(order.indexOf("start 3"));
    expect(text).toBe("2 + 2 = 4.");
    expect(reasoning).toBe("The user wants a short answer about 2+2.");
    expect(usage).toMatchObject({ input_tokens: 25, output_tokens: 89, total_tokens: 114 });
    expect(message.tool_calls).toStrictEqual([
      { name: "get_weather", args: { city: "Paris" }, type: "tool_call", id: "toolu_01Paris" },
      { name: "get_weather", args: { city: "Tōkyō" }, type: "tool_call", id: "toolu_02Tokyo" },
    ]);
    expect(message.id).toBe("msg_01XFDUDYJgAACzvnptvVoYEL");
    expect(server.requests.length - requestsBefore).toBe(1);
  });
});
