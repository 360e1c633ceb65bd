import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { MissingApiKeyError } from "../../errors/provider-error.js";
import { AIMessage } from "../../messages/ai-message.js";
import { HumanMessage } from "../../messages/human-message.js";
import { SystemMessage } from "../../messages/system-message.js";
import { ToolMessage } from "../../messages/tool-message.js";
import { tool } from "../../tools/index.js";
import type { ProviderTransportOptions } from "../base/transport-options.js";
import { collect } from "../test-support/collect.js";
import { LoopbackServer, type ReplyScript, readFixture } from "../test-support/loopback-server.js";
import { describeTransportConformance } from "../test-support/transport-conformance.js";
import { ChatOpenAI } from "./index.js";

const fixture = (name: string) => readFixture(new URL(`./fixtures/${name}`, import.meta.url));
const TEXT = fixture("text.sse");
const SSE = { "content-type": "text/event-stream" };

function makeModel(url: string, options: ProviderTransportOptions = {}) {
  return new ChatOpenAI({ apiKey: "sk-test", baseURL: `${url}/v1`, model: "gpt-4o-mini", ...options });
}

describeTransportConformance({
  provider: "openai",
  makeModel,
  textBody: TEXT,
  contentType: "text/event-stream",
  expectedText: "Rivers run to the sea — café au lait 🌊!",
  rateLimitBody: fixture("rate-limit.json"),
  rateLimitMessage: "Rate limit reached for gpt-4o-mini",
  rateLimitType: "requests",
  serverErrorBody: fixture("server-error.json"),
  serverErrorMessage: "The server had an error while processing your request",
  serverErrorType: "server_error",
  streamErrorBody:
    'data: {"error":{"message":"The server had an error while processing your request.","type":"server_error"}}\n\n',
  streamErrorMessage: "The server had an error while processing your request",
  streamErrorType: "server_error",
  streamErrorRetryable: true,
  malformedBody: 'data: {"id":"chatcmpl-1","choices":[{"index":0,"delta":{"content":"Hi"\n\ndata: [DONE]\n\n',
  malformedText: '{"id":"chatcmpl-1","choices"',
});

describe("ChatOpenAI", () => {
  let server: LoopbackServer;
  beforeAll(async () => {
    server = await LoopbackServer.start();
  });
  afterAll(() => server.close());
  afterEach(() => vi.unstubAllEnvs());
  const sse = (body: string): ReplyScript => ({ headers: SSE, body });

  it("streams text deltas with the response id, finish reason, model and usage", async () => {
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
      "",
    ]);
    expect(new Set(chunks.map((c) => c.id))).toEqual(new Set(["chatcmpl-BxR2f9Qk1"]));
    const whole = chunks.reduce((a, b) => a.concat(b));
    expect(whole.response_metadata).toEqual({
      finish_reason: "stop",
      model_name: "gpt-4o-mini-2024-07-18",
      system_fingerprint: "fp_62a23a81ef",
    });
    expect(whole.usage_metadata).toEqual({
      input_tokens: 24,
      output_tokens: 11,
      total_tokens: 35,
      input_token_details: { cache_read: 8, audio: 0 },
      output_token_details: { reasoning: 3, audio: 0 },
    });
  });

  it("keeps two parallel tool calls apart while their arguments arrive in fragments", async () => {
    server.reply(sse(fixture("tool-calls.sse")));
    const message = await makeModel(server.url).invoke("Weather in Paris and Tokyo?");
    expect(message.tool_calls).toEqual([
      { name: "get_weather", args: { city: "Paris" }, id: "call_weather_paris", type: "tool_call" },
      { name: "get_weather", args: { city: "Tōkyō" }, id: "call_weather_tokyo", type: "tool_call" },
    ]);
    expect(message.tool_call_chunks.map((c) => c.index)).toEqual([0, 1]);
    expect(message.response_metadata.finish_reason).toBe("tool_calls");
    expect(message.usage_metadata).toEqual({ input_tokens: 80, output_tokens: 40, total_tokens: 120 });
  });

  it("raises an error event as a ProviderError after the chunks before it", async () => {
    server.reply(sse(fixture("error-mid-stream.sse")));
    const { text, error } = await collect(makeModel(server.url).stream("hi"));
    expect(text).toBe("Partial answer");
    expect(error).toMatchObject({
      code: "provider",
      provider: "openai",
      providerErrorType: "server_error",
      retryable: false,
    });
    expect((error as Error).message).toContain("The server had an error");
  });

  it("sends the model, converted messages, stream flags, options and tools", async () => {
    server.reply(sse(TEXT));
    const weather = {
      name: "get_weather",
      description: "Current weather in a city",
      getJsonSchema: () => ({ type: "object", properties: { city: { type: "string" } }, required: ["city"] }),
    };
    const model = new ChatOpenAI({
      apiKey: "sk-test",
      baseURL: `${server.url}/v1`,
      model: "gpt-4o-mini",
      temperature: 0.2,
      maxTokens: 64,
    }).bindTools([weather], { tool_choice: "auto" });
    await model.invoke([
      new SystemMessage("Be brief."),
      new HumanMessage("Weather in Paris?"),
      new AIMessage({
        content: "",
        tool_calls: [{ name: "get_weather", args: { city: "Paris" }, id: "call_1" }],
      }),
      new ToolMessage({ content: "18°C", tool_call_id: "call_1" }),
    ]);
    const request = server.requests.at(-1)!;
    expect(request.path).toBe("/v1/chat/completions");
    expect(request.headers.authorization).toBe("Bearer sk-test");
    expect(request.body).toEqual({
      model: "gpt-4o-mini",
      stream: true,
      stream_options: { include_usage: true },
      temperature: 0.2,
      max_tokens: 64,
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: "Weather in Paris?" },
        {
          role: "assistant",
          content: null,
          tool_calls: [
            {
              id: "call_1",
              type: "function",
              function: { name: "get_weather", arguments: '{"city":"Paris"}' },
            },
          ],
        },
        { role: "tool", tool_call_id: "call_1", content: "18°C" },
      ],
      tools: [
        {
          type: "function",
          function: {
            name: "get_weather",
            description: "Current weather in a city",
            parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
          },
        },
      ],
      tool_choice: "auto",
    });
  });

  it("binds tools made with tool(), their zod schema converted to JSON Schema", () => {
    const getWeather = tool(async ({ city }: { city: string }) => `18°C in ${city}`, {
      name: "get_weather",
      description: "Current weather in a city",
      schema: z.object({ city: z.string() }),
    });
    const body = new ChatOpenAI({ apiKey: "k" }).bindTools([getWeather]).requestBody([new HumanMessage("x")]);
    expect(body.tools).toEqual([
      {
        type: "function",
        function: {
          name: "get_weather",
          description: "Current weather in a city",
          parameters: expect.objectContaining({ type: "object", properties: { city: { type: "string" } } }),
        },
      },
    ]);
  });

  it("accepts OpenAI-formatted and plain tools, and a forced tool by name", () => {
    const model = new ChatOpenAI({ apiKey: "k" }).bindTools(
      [
        { type: "function", function: { name: "a", description: "A", parameters: { type: "object" } } },
        { name: "b", description: "B", parameters: { type: "object", properties: {} } },
      ],
      { tool_choice: "b" },
    );
    const body = model.requestBody([new HumanMessage("x")]);
    expect(body.tools).toEqual([
      { type: "function", function: { name: "a", description: "A", parameters: { type: "object" } } },
      {
        type: "function",
        function: { name: "b", description: "B", parameters: { type: "object", properties: {} } },
      },
    ]);
    expect(body.tool_choice).toEqual({ type: "function", function: { name: "b" } });
    expect(body.max_completion_tokens).toBeUndefined();
  });

  it("uses max_completion_tokens for OpenAI itself", () => {
    const body = new ChatOpenAI({ apiKey: "k", maxTokens: 10 }).requestBody([new HumanMessage("x")]);
    expect(body).toMatchObject({ model: "gpt-4o-mini", max_completion_tokens: 10 });
    expect(body.max_tokens).toBeUndefined();
  });

  it("throws a MissingApiKeyError naming OPENAI_API_KEY and the apiKey option", () => {
    vi.stubEnv("OPENAI_API_KEY", "");
    let error: unknown;
    try {
      new ChatOpenAI();
    } catch (e) {
      error = e;
    }
    expect(MissingApiKeyError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: "missing_api_key", envVar: "OPENAI_API_KEY" });
    expect((error as Error).message).toContain("apiKey");
  });

  it("reads OPENAI_API_KEY from the environment", async () => {
    vi.stubEnv("OPENAI_API_KEY", "sk-env");
    server.reply(sse(TEXT));
    await new ChatOpenAI({ baseURL: `${server.url}/v1` }).invoke("hi");
    expect(server.requests.at(-1)!.headers.authorization).toBe("Bearer sk-env");
  });

  it("talks to an OpenAI-compatible server through configuration.baseURL without a key", async () => {
    vi.stubEnv("OPENAI_API_KEY", "");
    server.reply(sse(TEXT));
    const local = new ChatOpenAI({
      model: "qwen2.5-7b-instruct",
      configuration: { baseURL: `${server.url}/v1` },
    });
    const message = await local.invoke("hi");
    expect(message.text).toBe("Rivers run to the sea — café au lait 🌊!");
    const request = server.requests.at(-1)!;
    expect(request.headers.authorization).toBeUndefined();
    expect(request.body).toMatchObject({ model: "qwen2.5-7b-instruct", stream: true });
  });

  it("gives structured output through response_format, validated by a Standard Schema", async () => {
    const body =
      `data: {"id":"c1","choices":[{"index":0,"delta":{"role":"assistant","content":"{\\"city\\": \\"Lis"}}]}\n\n` +
      `data: {"id":"c1","choices":[{"index":0,"delta":{"content":"bon\\", \\"days\\": 3}"},"finish_reason":"stop"}]}\n\n` +
      "data: [DONE]\n\n";
    server.reply(sse(body));
    const schema = z.object({ city: z.string(), days: z.number() });
    const extractor = makeModel(server.url).withStructuredOutput(schema, { name: "trip", strict: true });
    expect(await extractor.invoke("Three days in Lisbon")).toEqual({ city: "Lisbon", days: 3 });
    expect(server.requests.at(-1)!.body).toMatchObject({
      response_format: {
        type: "json_schema",
        json_schema: { name: "trip", strict: true, schema: { type: "object", required: ["city", "days"] } },
      },
    });
  });

  it("gives structured output through a forced tool call when asked", async () => {
    server.reply(sse(fixture("tool-calls.sse")));
    const extractor = makeModel(server.url).withStructuredOutput(
      { title: "get_weather", type: "object", properties: { city: { type: "string" } } },
      { method: "functionCalling" },
    );
    expect(await extractor.invoke("Weather?")).toEqual({ city: "Paris" });
    expect(server.requests.at(-1)!.body).toMatchObject({
      tool_choice: { type: "function", function: { name: "get_weather" } },
    });
  });

  it("sends strict on the forced tool when withStructuredOutput asks for it with functionCalling", async () => {
    server.reply(sse(fixture("tool-calls.sse")));
    const extractor = makeModel(server.url).withStructuredOutput(
      { title: "get_weather", type: "object", properties: { city: { type: "string" } } },
      { method: "functionCalling", strict: true },
    );
    expect(await extractor.invoke("Weather?")).toEqual({ city: "Paris" });
    expect(server.requests.at(-1)!.body).toMatchObject({
      tools: [{ type: "function", function: { name: "get_weather", strict: true } }],
    });
  });

  it("reports ls_* metadata for its runs", () => {
    const model = new ChatOpenAI({ apiKey: "k", model: "gpt-4o", temperature: 0, maxTokens: 5 });
    expect(model.getLsParams()).toEqual({
      ls_provider: "openai",
      ls_model_name: "gpt-4o",
      ls_model_type: "chat",
      ls_temperature: 0,
      ls_max_tokens: 5,
    });
  });
});
