import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { InvalidInputError } from "../../errors/input-errors.js";
import { MissingApiKeyError } from "../../errors/provider-error.js";
import { AIMessage } from "../../messages/ai-message.js";
import { HumanMessage } from "../../messages/human-message.js";
import { SystemMessage } from "../../messages/system-message.js";
import { ToolMessage } from "../../messages/tool-message.js";
import type { ProviderTransportOptions } from "../base/transport-options.js";
import { collect } from "../test-support/collect.js";
import { LoopbackServer, type ReplyScript, readFixture } from "../test-support/loopback-server.js";
import { describeTransportConformance } from "../test-support/transport-conformance.js";
import { ChatAnthropic } from "./index.js";

const fixture = (name: string) => readFixture(new URL(`./fixtures/${name}`, import.meta.url));
const TEXT = fixture("text.sse");

function makeModel(url: string, options: ProviderTransportOptions = {}) {
  return new ChatAnthropic({ apiKey: "sk-ant-test", baseURL: url, model: "claude-sonnet-4-5", ...options });
}

describeTransportConformance({
  provider: "anthropic",
  makeModel,
  textBody: TEXT,
  contentType: "text/event-stream",
  expectedText: "Rivers run to the sea — café au lait 🌊!",
  rateLimitBody: fixture("rate-limit.json"),
  rateLimitMessage: "Number of request tokens has exceeded your per-minute rate limit",
  rateLimitType: "rate_limit_error",
  serverErrorBody: fixture("server-error.json"),
  serverErrorMessage: "Internal server error",
  serverErrorType: "api_error",
  streamErrorBody:
    'event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}\n\n',
  streamErrorMessage: "Overloaded",
  streamErrorType: "overloaded_error",
  streamErrorRetryable: true,
  malformedBody: 'event: message_start\ndata: {"type":"message_start","message":{"id":"msg_1"\n\n',
  malformedText: '{"type":"message_start","message"',
});

describe("ChatAnthropic", () => {
  let server: LoopbackServer;
  beforeAll(async () => {
    server = await LoopbackServer.start();
  });
  afterAll(() => server.close());
  afterEach(() => vi.unstubAllEnvs());
  const sse = (body: string): ReplyScript => ({ headers: { "content-type": "text/event-stream" }, body });

  it("refuses strict (structured output or a bound tool) instead of dropping it", async () => {
    const model = makeModel(server.url);
    const schema = { title: "trip", type: "object", properties: { city: { type: "string" } } };
    await expect(model.withStructuredOutput(schema, { strict: true }).invoke("Lisbon")).rejects.toThrow(
      InvalidInputError,
    );
    const strictTool = {
      type: "function" as const,
      function: { name: "f", parameters: schema, strict: true },
    };
    await expect(model.bindTools([strictTool]).invoke("hi")).rejects.toThrow(
      /sets strict, which ChatAnthropic does not send/,
    );
    expect(server.requests).toHaveLength(0);
  });

  it("streams text deltas with the message id, usage (cache included) and stop reason", async () => {
    server.reply(sse(TEXT));
    const { chunks, error } = await collect(makeModel(server.url).stream("Tell me about rivers"));
    expect(error).toBeUndefined();
    expect(chunks.map((c) => c.content)).toEqual([
      "",
      "Rivers",
      " run",
      " to the",
      " sea —",
      " café",
      " au",
      " lait",
      " 🌊",
      "!",
      "",
    ]);
    expect(new Set(chunks.map((c) => c.id))).toEqual(new Set(["msg_01XFDUDYJgAACzvnptvVoYEL"]));
    const whole = chunks.reduce((a, b) => a.concat(b));
    expect(whole.usage_metadata).toEqual({
      input_tokens: 137,
      output_tokens: 15,
      total_tokens: 152,
      input_token_details: { cache_read: 100, cache_creation: 12 },
    });
    expect(whole.response_metadata).toEqual({
      model_name: "claude-sonnet-4-5-20250929",
      stop_reason: "end_turn",
    });
  });

  it("keeps two parallel tool_use blocks apart while their JSON arrives in fragments", async () => {
    server.reply(sse(fixture("tool-calls.sse")));
    const message = await makeModel(server.url).invoke("Weather in Paris and Tokyo?");
    expect(message.text).toBe("Checking both cities.");
    expect(message.tool_calls).toEqual([
      { name: "get_weather", args: { city: "Paris" }, id: "toolu_01Paris", type: "tool_call" },
      { name: "get_weather", args: { city: "Tōkyō" }, id: "toolu_02Tokyo", type: "tool_call" },
    ]);
    expect(message.response_metadata.stop_reason).toBe("tool_use");
  });

  it("keeps thinking as a content block with its signature, before the text", async () => {
    server.reply(sse(fixture("thinking.sse")));
    const message = await makeModel(server.url).invoke("2+2?");
    expect(message.content).toEqual([
      {
        type: "thinking",
        thinking: "The user wants a short answer about 2+2.",
        signature: "EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds",
        index: 0,
      },
      { type: "text", text: "2 + 2 = 4.", index: 1 },
    ]);
    expect(message.text).toBe("2 + 2 = 4.");
  });

  it("raises an error event as a ProviderError after the chunks before it", async () => {
    server.reply(sse(fixture("error-mid-stream.sse")));
    const { text, error } = await collect(makeModel(server.url).stream("hi"));
    expect(text).toBe("Partial answer");
    expect(error).toMatchObject({
      code: "provider",
      provider: "anthropic",
      providerErrorType: "overloaded_error",
      retryable: false,
    });
  });

  it("sends headers, the system field, converted turns, tools and the tool choice", async () => {
    server.reply(sse(TEXT));
    const thinkingTurn = new AIMessage({
      content: [
        { type: "thinking", thinking: "Look it up.", signature: "sig", index: 0 },
        { type: "text", text: "Checking.", index: 1 },
      ],
      tool_calls: [
        { name: "get_weather", args: { city: "Paris" }, id: "toolu_1" },
        { name: "get_weather", args: { city: "Tokyo" }, id: "toolu_2" },
      ],
    });
    const model = makeModel(server.url)
      .withFields({ temperature: 0, maxTokens: 300, stop: ["END"] })
      .bindTools([{ name: "get_weather", description: "Weather", parameters: { type: "object" } }], {
        tool_choice: "any",
      });
    await model.invoke([
      new SystemMessage("Be brief."),
      new HumanMessage("Weather in Paris and Tokyo?"),
      thinkingTurn,
      new ToolMessage({ content: "18°C", tool_call_id: "toolu_1" }),
      new ToolMessage({ content: "failed", tool_call_id: "toolu_2", status: "error" }),
    ]);
    const request = server.requests.at(-1)!;
    expect(request.path).toBe("/v1/messages");
    expect(request.headers["x-api-key"]).toBe("sk-ant-test");
    expect(request.headers["anthropic-version"]).toBe("2023-06-01");
    expect(request.body).toEqual({
      model: "claude-sonnet-4-5",
      max_tokens: 300,
      temperature: 0,
      stop_sequences: ["END"],
      stream: true,
      system: "Be brief.",
      messages: [
        { role: "user", content: "Weather in Paris and Tokyo?" },
        {
          role: "assistant",
          content: [
            { type: "thinking", thinking: "Look it up.", signature: "sig" },
            { type: "text", text: "Checking." },
            { type: "tool_use", id: "toolu_1", name: "get_weather", input: { city: "Paris" } },
            { type: "tool_use", id: "toolu_2", name: "get_weather", input: { city: "Tokyo" } },
          ],
        },
        {
          role: "user",
          content: [
            { type: "tool_result", tool_use_id: "toolu_1", content: "18°C" },
            { type: "tool_result", tool_use_id: "toolu_2", content: "failed", is_error: true },
          ],
        },
      ],
      tools: [{ name: "get_weather", description: "Weather", input_schema: { type: "object" } }],
      tool_choice: { type: "any" },
    });
  });

  it("gives structured output through a forced tool call, validated by a Standard Schema", async () => {
    server.reply(sse(fixture("tool-calls.sse")));
    const schema = z.object({ city: z.string() });
    const extractor = makeModel(server.url).withStructuredOutput(schema, { name: "get_weather" });
    expect(await extractor.invoke("Weather?")).toEqual({ city: "Paris" });
    expect(server.requests.at(-1)!.body).toMatchObject({
      tool_choice: { type: "tool", name: "get_weather" },
      tools: [{ name: "get_weather", input_schema: { type: "object", required: ["city"] } }],
    });
  });

  it("rejects output the schema does not accept with an OutputParserError", async () => {
    server.reply(sse(fixture("tool-calls.sse")));
    const extractor = makeModel(server.url).withStructuredOutput(z.object({ city: z.number() }), {
      name: "get_weather",
    });
    await expect(extractor.invoke("Weather?")).rejects.toMatchObject({ code: "output_parser" });
  });

  it("throws a MissingApiKeyError naming ANTHROPIC_API_KEY", () => {
    vi.stubEnv("ANTHROPIC_API_KEY", "");
    expect(() => new ChatAnthropic()).toThrow(MissingApiKeyError);
    expect(() => new ChatAnthropic()).toThrow(/ANTHROPIC_API_KEY/);
  });
});
