// A provider's decoder builds content-block events only for the call that asked for them (a
// version-less model.streamEvents(input)); stream() and invoke() pay nothing for them.
import { toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { nativeStreamEventsOf } from "../models/content-stream/native-stream-events.js";
import { ChatAnthropic } from "./anthropic/index.js";
import { ChatOpenAI } from "./openai/index.js";
import { readFixture } from "./test-support/loopback-server.js";

function fetchOf(body: string, contentType: string) {
  return async () => new Response(body, { headers: { "content-type": contentType } });
}

const openAIBody = readFixture(new URL("./openai/fixtures/content-blocks.sse", import.meta.url));
const anthropicBody = readFixture(new URL("./anthropic/fixtures/content-blocks.sse", import.meta.url));

describe("native content-block events are built on request only", () => {
  it("ChatOpenAI: stream() chunks carry none; streamEvents() without a version gets them", async () => {
    const model = new ChatOpenAI({ apiKey: "sk-test", fetch: fetchOf(openAIBody, "text/event-stream") });
    const chunks = await toArray(await model.stream("hi"));
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(nativeStreamEventsOf(chunk)).toBeUndefined();
    const names: string[] = [];
    for await (const event of model.streamEvents("hi")) names.push(event.event);
    expect(names).toContain("content-block-delta");
  });

  it("ChatAnthropic: stream() chunks carry none", async () => {
    const model = new ChatAnthropic({ apiKey: "k", fetch: fetchOf(anthropicBody, "text/event-stream") });
    const chunks = await toArray(await model.stream("hi"));
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(nativeStreamEventsOf(chunk)).toBeUndefined();
  });
});
