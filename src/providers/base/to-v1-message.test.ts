import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AIMessageChunk } from "../../messages/ai-message-chunk.js";
import { ChatAnthropic } from "../anthropic/index.js";
import { ChatOllama } from "../ollama/index.js";
import { ChatOpenAI } from "../openai/index.js";
import { collect } from "../test-support/collect.js";
import { LoopbackServer, type ReplyScript, readFixture } from "../test-support/loopback-server.js";
import { finishV1Message, toV1Chunk } from "./to-v1-message.js";

const fixture = (provider: string, name: string): string =>
  readFixture(new URL(`../${provider}/fixtures/${name}`, import.meta.url));
const reply = (body: string, type = "text/event-stream"): ReplyScript => ({
  headers: { "content-type": type },
  body,
});

describe("outputVersion", () => {
  let server: LoopbackServer;
  beforeAll(async () => {
    server = await LoopbackServer.start();
  });
  afterAll(() => server.close());
  const openai = (outputVersion?: "v0" | "v1") =>
    new ChatOpenAI({ apiKey: "sk-test", baseURL: `${server.url}/v1`, model: "gpt-4o-mini", outputVersion });
  const anthropic = () =>
    new ChatAnthropic({
      apiKey: "sk-ant-test",
      baseURL: server.url,
      model: "claude-sonnet-4-5",
      outputVersion: "v1",
    });
  const ollama = () => new ChatOllama({ baseUrl: server.url, model: "llama3.2", outputVersion: "v1" });

  it("gives OpenAI's parallel tool calls as tool_call blocks, with output_version v1", async () => {
    server.reply(reply(fixture("openai", "tool-calls.sse")));
    const message = await openai("v1").invoke("Weather in Paris and Tokyo?");
    expect(message.content).toEqual([
      { type: "tool_call", id: "call_weather_paris", name: "get_weather", args: { city: "Paris" } },
      { type: "tool_call", id: "call_weather_tokyo", name: "get_weather", args: { city: "Tōkyō" } },
    ]);
    expect(message.response_metadata).toMatchObject({ output_version: "v1", finish_reason: "tool_calls" });
    expect(message.tool_calls.map((call) => call.id)).toEqual(["call_weather_paris", "call_weather_tokyo"]);
    expect(message.contentBlocks).toEqual(message.content);
  });

  it("gives the same v1 message through the content-block stream (streamEvents without a version)", async () => {
    server.reply(reply(fixture("openai", "tool-calls.sse")));
    const message = await openai("v1").streamEvents("Weather in Paris and Tokyo?");
    expect(message.content).toEqual([
      { type: "tool_call", id: "call_weather_paris", name: "get_weather", args: { city: "Paris" } },
      { type: "tool_call", id: "call_weather_tokyo", name: "get_weather", args: { city: "Tōkyō" } },
    ]);
  });

  it("streams chunks whose content is standard blocks that join into one text block", async () => {
    server.reply(reply(fixture("openai", "text.sse")));
    const { chunks, error } = await collect(openai("v1").stream("Tell me about rivers"));
    expect(error).toBeUndefined();
    expect(chunks[1]?.content).toEqual([{ type: "text", text: "Rivers", index: "lc_text" }]);
    expect(chunks.every((chunk) => chunk.response_metadata.output_version === "v1")).toBe(true);
    const folded = chunks.reduce((left, right) => left.concat(right));
    expect(folded.content).toEqual([
      { type: "text", text: "Rivers run to the sea — café au lait 🌊!", index: "lc_text" },
    ]);
  });

  it("keeps the provider's content by default (v0) and rejects other versions", async () => {
    server.reply(reply(fixture("openai", "text.sse")));
    const message = await openai().invoke("Tell me about rivers");
    expect(message.content).toBe("Rivers run to the sea — café au lait 🌊!");
    expect(message.response_metadata.output_version).toBeUndefined();
    // @ts-expect-error: not a version
    expect(() => openai("v2")).toThrow(/outputVersion is "v0".*or "v1".*got "v2"/);
  });

  it("gives Anthropic's thinking as reasoning and its tool_use calls as tool_call blocks, in order", async () => {
    server.reply(reply(fixture("anthropic", "thinking.sse")));
    const thinking = await anthropic().invoke("2+2?");
    expect(thinking.content).toEqual([
      {
        type: "reasoning",
        reasoning: "The user wants a short answer about 2+2.",
        signature: "EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds",
      },
      { type: "text", text: "2 + 2 = 4." },
    ]);
    server.reply(reply(fixture("anthropic", "tool-calls.sse")));
    const calls = await anthropic().invoke("Weather?");
    expect(calls.content).toEqual([
      { type: "text", text: "Checking both cities." },
      { type: "tool_call", id: "toolu_01Paris", name: "get_weather", args: { city: "Paris" } },
      { type: "tool_call", id: "toolu_02Tokyo", name: "get_weather", args: { city: "Tōkyō" } },
    ]);
  });

  it("gives Ollama's thinking as reasoning and its tool calls as tool_call blocks", async () => {
    server.reply(reply(fixture("ollama", "thinking.ndjson"), "application/x-ndjson"));
    const thinking = await ollama().invoke("2+2?");
    expect(thinking.content).toEqual([
      { type: "reasoning", reasoning: "Simple arithmetic. 2+2=4." },
      { type: "text", text: "4" },
    ]);
    server.reply(reply(fixture("ollama", "tool-calls.ndjson"), "application/x-ndjson"));
    const calls = await ollama().invoke("Weather?");
    expect(calls.content).toEqual(
      calls.tool_calls.map((call) => ({ type: "tool_call", id: call.id, name: call.name, args: call.args })),
    );
    expect(calls.tool_calls.map((call) => call.args)).toEqual([{ city: "Paris" }, { city: "Tōkyō" }]);
  });
});

describe("toV1Chunk and finishV1Message", () => {
  it("turn reasoning and text into blocks, finished calls into tool_call and a call that did not parse into invalid_tool_call", () => {
    const pieces = [
      new AIMessageChunk({ content: "", additional_kwargs: { reasoning_content: "Hm" } }),
      new AIMessageChunk({ content: "", additional_kwargs: { reasoning_content: "m." } }),
      new AIMessageChunk("Ok"),
      new AIMessageChunk({
        content: "",
        tool_call_chunks: [{ id: "c1", name: "f", args: '{"a":', index: 0 }],
      }),
      new AIMessageChunk({ content: "", tool_call_chunks: [{ args: "1}", index: 0 }] }),
      new AIMessageChunk({
        content: "",
        tool_call_chunks: [{ id: "c2", name: "g", args: "{oops", index: 1 }],
      }),
    ].map(toV1Chunk);
    // Fragments stay in tool_call_chunks only; the finished calls join the content at the end.
    expect(pieces[3]?.content).toEqual([]);
    expect(pieces[3]?.tool_call_chunks).toMatchObject([{ id: "c1", name: "f", args: '{"a":', index: 0 }]);
    const message = finishV1Message(pieces.reduce((left, right) => left.concat(right)));
    expect(message.content).toEqual([
      { type: "reasoning", reasoning: "Hmm." },
      { type: "text", text: "Ok" },
      { type: "tool_call", id: "c1", name: "f", args: { a: 1 } },
      { type: "invalid_tool_call", id: "c2", name: "g", args: "{oops", error: expect.any(String) },
    ]);
    expect(message.response_metadata.output_version).toBe("v1");
    expect(message.tool_calls).toHaveLength(1);
  });
});
