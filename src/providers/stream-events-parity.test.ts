import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StreamEvent } from "../events/stream-event.js";
import type { AIMessageChunk } from "../messages/ai-message-chunk.js";
import { FakeStreamingChatModel } from "../testing/index.js";
import { ChatAnthropic } from "./anthropic/index.js";
import { ChatOllama } from "./ollama/index.js";
import { ChatOpenAI } from "./openai/index.js";
import { LoopbackServer, readFixture } from "./test-support/loopback-server.js";

/** The shape of an event: its name, run type in the name, keys of data, the class of a chunk or output, and ls_* metadata. */
function shapeOf(event: StreamEvent) {
  const data = event.data as Record<string, unknown>;
  const kinds = Object.fromEntries(
    Object.entries(data).map(([key, value]) => [key, (value as object)?.constructor?.name ?? typeof value]),
  );
  const metadata = Object.keys(event.metadata)
    .filter((k) => k.startsWith("ls_"))
    .sort();
  return { event: event.event, name: event.name, parentCount: event.parent_ids.length, kinds, metadata };
}

async function eventsOf(model: { streamEvents: ChatOpenAI["streamEvents"] }): Promise<StreamEvent[]> {
  const events: StreamEvent[] = [];
  for await (const event of model.streamEvents("Tell me about rivers", { version: "v2" })) events.push(event);
  return events;
}

const cases = [
  {
    provider: "openai",
    fixture: new URL("./openai/fixtures/text.sse", import.meta.url),
    contentType: "text/event-stream",
    make: (url: string) =>
      new ChatOpenAI({ apiKey: "k", baseURL: `${url}/v1`, model: "gpt-4o-mini", temperature: 0 }),
  },
  {
    provider: "anthropic",
    fixture: new URL("./anthropic/fixtures/text.sse", import.meta.url),
    contentType: "text/event-stream",
    make: (url: string) =>
      new ChatAnthropic({ apiKey: "k", baseURL: url, model: "claude-sonnet-4-5", temperature: 0 }),
  },
  {
    provider: "ollama",
    fixture: new URL("./ollama/fixtures/text.ndjson", import.meta.url),
    contentType: "application/x-ndjson",
    make: (url: string) => new ChatOllama({ baseUrl: url, model: "llama3.2", temperature: 0 }),
  },
];

describe("streamEvents over a provider model", () => {
  let server: LoopbackServer;
  beforeAll(async () => {
    server = await LoopbackServer.start();
  });
  afterAll(() => server.close());

  it.each(cases)("$provider gives the same event shapes as FakeStreamingChatModel", async (c) => {
    const body = readFixture(c.fixture);
    server.reply({ headers: { "content-type": c.contentType }, body });
    const real = c.make(server.url);
    const providerEvents = await eventsOf(real);

    const chunks = providerEvents
      .filter((e) => e.event === "on_chat_model_stream")
      .map((e) => (e.data as { chunk: AIMessageChunk }).chunk);
    const fake = new FakeStreamingChatModel({
      chunks,
      provider: c.provider,
      model: real.model,
      temperature: 0,
      maxTokens: real.maxTokens,
      name: real.getName(),
    });
    const fakeEvents = await eventsOf(fake);

    expect(providerEvents.map(shapeOf)).toEqual(fakeEvents.map(shapeOf));
    expect(providerEvents[0]?.metadata).toMatchObject({
      ls_provider: c.provider,
      ls_model_name: real.model,
      ls_model_type: "chat",
      ls_temperature: 0,
    });
    const end = providerEvents.at(-1)!;
    expect(end.event).toBe("on_chat_model_end");
    const output = (end.data as { output: AIMessageChunk }).output;
    expect(output.text).toBe("Rivers run to the sea — café au lait 🌊!");
    expect(output.usage_metadata?.total_tokens).toBeGreaterThan(0);
  });
});
