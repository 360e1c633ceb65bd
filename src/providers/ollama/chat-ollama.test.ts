import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AIMessage } from "../../messages/ai-message.js";
import { HumanMessage } from "../../messages/human-message.js";
import { SystemMessage } from "../../messages/system-message.js";
import { ToolMessage } from "../../messages/tool-message.js";
import type { ProviderTransportOptions } from "../base/transport-options.js";
import { collect } from "../test-support/collect.js";
import { LoopbackServer, type ReplyScript, readFixture } from "../test-support/loopback-server.js";
import { describeTransportConformance } from "../test-support/transport-conformance.js";
import { ChatOllama } from "./index.js";
import { resolveOllamaHost } from "./resolve-ollama-host.js";

const fixture = (name: string) => readFixture(new URL(`./fixtures/${name}`, import.meta.url));
const TEXT = fixture("text.ndjson");
const NDJSON = "application/x-ndjson";

function makeModel(url: string, options: ProviderTransportOptions = {}) {
  return new ChatOllama({ baseUrl: url, model: "llama3.2", ...options });
}

describeTransportConformance({
  provider: "ollama",
  makeModel,
  textBody: TEXT,
  contentType: NDJSON,
  expectedText: "Rivers run to the sea — café au lait 🌊!",
  rateLimitBody: fixture("rate-limit.json"),
  rateLimitMessage: "too many requests, retry later",
  rateLimitType: undefined,
  serverErrorBody: fixture("server-error.json"),
  serverErrorMessage: "llama runner process has terminated",
  serverErrorType: undefined,
  streamErrorBody: '{"error":"an error was encountered while running the model: unexpected EOF"}\n',
  streamErrorMessage: "unexpected EOF",
  streamErrorType: undefined,
  streamErrorRetryable: false,
  malformedBody: '{"model":"llama3.2","message":{"role":"assistant","content":"Hi"\n',
  malformedText: "llama3.2",
});

describe("ChatOllama", () => {
  let server: LoopbackServer;
  beforeAll(async () => {
    server = await LoopbackServer.start();
  });
  afterAll(() => server.close());
  afterEach(() => vi.unstubAllEnvs());
  const ndjson = (body: string): ReplyScript => ({ headers: { "content-type": NDJSON }, body });

  it("streams content, then token counts and timings from the done line", async () => {
    server.reply(ndjson(TEXT));
    const { chunks, error } = await collect(makeModel(server.url).stream("Tell me about rivers"));
    expect(error).toBeUndefined();
    expect(chunks.map((c) => c.content)).toEqual([
      ...["Rivers", " run", " to the", " sea —", " café"],
      ...[" au", " lait", " 🌊", "!", ""],
    ]);
    const whole = chunks.reduce((a, b) => a.concat(b));
    expect(whole.usage_metadata).toEqual({ input_tokens: 26, output_tokens: 12, total_tokens: 38 });
    expect(whole.response_metadata).toMatchObject({
      model_name: "llama3.2",
      done_reason: "stop",
    });
    expect(whole.response_metadata.total_duration).toBe(812345678);
  });

  it("maps whole tool calls to separate indexed fragments with ids", async () => {
    server.reply(ndjson(fixture("tool-calls.ndjson")));
    const message = await makeModel(server.url).invoke("Weather in Paris and Tokyo?");
    expect(message.tool_calls.map(({ name, args }) => ({ name, args }))).toEqual([
      { name: "get_weather", args: { city: "Paris" } },
      { name: "get_weather", args: { city: "Tōkyō" } },
    ]);
    expect(message.tool_call_chunks.map((c) => c.index)).toEqual([0, 1]);
    const ids = message.tool_calls.map((c) => c.id);
    expect(ids.every((id) => typeof id === "string" && id !== "")).toBe(true);
    expect(new Set(ids).size).toBe(2);
  });

  it("reports tool-call arguments that are not an object as invalid calls instead of running them with {}", async () => {
    const calls = [
      { function: { name: "a", arguments: [1, 2] } },
      { function: { name: "b", arguments: '{"city":"Paris"} trailing' } },
      { function: { name: "c", arguments: '{"city":"Rome"}' } },
      { function: { name: "d" } },
    ];
    const line = {
      model: "llama3.2",
      message: { role: "assistant", content: "", tool_calls: calls },
      done: false,
    };
    const last = { model: "llama3.2", message: { role: "assistant", content: "" }, done: true };
    server.reply(ndjson(`${JSON.stringify(line)}\n${JSON.stringify(last)}\n`));
    const message = await makeModel(server.url).invoke("Weather?");
    expect(message.tool_calls.map(({ name, args }) => ({ name, args }))).toEqual([
      { name: "c", args: { city: "Rome" } },
      { name: "d", args: {} },
    ]);
    expect(message.invalid_tool_calls.map(({ name, args, error }) => ({ name, args, error }))).toEqual([
      { name: "a", args: "[1,2]", error: "Malformed args." },
      { name: "b", args: '{"city":"Paris"} trailing', error: "Malformed args." },
    ]);
  });

  it("keeps thinking in additional_kwargs.reasoning_content", async () => {
    server.reply(ndjson(fixture("thinking.ndjson")));
    const message = await makeModel(server.url).invoke("2+2?");
    expect(message.text).toBe("4");
    expect(message.additional_kwargs.reasoning_content).toBe("Simple arithmetic. 2+2=4.");
  });

  it("raises an error line as a ProviderError after the chunks before it", async () => {
    server.reply(ndjson(fixture("error-mid-stream.ndjson")));
    const { text, error } = await collect(makeModel(server.url).stream("hi"));
    expect(text).toBe("Partial answer");
    expect(error).toMatchObject({ code: "provider", provider: "ollama", retryable: false });
    expect((error as Error).message).toContain("unexpected EOF");
  });

  it("reports a missing model (HTTP 404) with Ollama's message", async () => {
    server.reply({
      status: 404,
      headers: { "content-type": "application/json" },
      body: '{"error":"model \\"nope\\" not found, try pulling it first"}',
    });
    const { error } = await collect(makeModel(server.url).stream("hi"));
    expect(error).toMatchObject({ code: "provider", status: 404, retryable: false });
    expect((error as Error).message).toContain("try pulling it first");
  });

  it("sends the model, converted messages, options and tools", async () => {
    server.reply(ndjson(TEXT));
    const model = new ChatOllama({
      baseUrl: server.url,
      model: "qwen3:8b",
      temperature: 0,
      maxTokens: 100,
      numCtx: 8192,
      keepAlive: "10m",
      stop: ["\n\n"],
    }).bindTools([{ name: "get_weather", description: "Weather", parameters: { type: "object" } }]);
    await model.invoke([
      new SystemMessage("Be brief."),
      new HumanMessage({
        content: [
          { type: "text", text: "What is this?" },
          { type: "image_url", image_url: "data:image/png;base64,iVBORw0KGgo=" },
        ],
      }),
      new AIMessage({
        content: "",
        tool_calls: [{ name: "get_weather", args: { city: "Paris" }, id: "c1" }],
      }),
      new ToolMessage({ content: "18°C", tool_call_id: "c1", name: "get_weather" }),
    ]);
    const request = server.requests.at(-1)!;
    expect(request.path).toBe("/api/chat");
    expect(request.body).toEqual({
      model: "qwen3:8b",
      stream: true,
      keep_alive: "10m",
      options: { temperature: 0, num_predict: 100, num_ctx: 8192, stop: ["\n\n"] },
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: "What is this?", images: ["iVBORw0KGgo="] },
        {
          role: "assistant",
          content: "",
          tool_calls: [{ function: { name: "get_weather", arguments: { city: "Paris" } } }],
        },
        { role: "tool", content: "18°C", tool_name: "get_weather", tool_call_id: "c1" },
      ],
      tools: [
        {
          type: "function",
          function: { name: "get_weather", description: "Weather", parameters: { type: "object" } },
        },
      ],
    });
  });

  it("gives structured output through format, validated by a Standard Schema", async () => {
    const body =
      '{"model":"llama3.2","message":{"role":"assistant","content":"{\\"city\\": \\"Lis"},"done":false}\n' +
      '{"model":"llama3.2","message":{"role":"assistant","content":"bon\\"}"},"done":false}\n' +
      '{"model":"llama3.2","message":{"role":"assistant","content":""},"done":true,"done_reason":"stop"}\n';
    server.reply(ndjson(body));
    const extractor = makeModel(server.url).withStructuredOutput(z.object({ city: z.string() }));
    expect(await extractor.invoke("Where?")).toEqual({ city: "Lisbon" });
    expect(server.requests.at(-1)!.body).toMatchObject({ format: { type: "object", required: ["city"] } });
  });

  it("finds the server from the option, OLLAMA_HOST, or the default", () => {
    vi.stubEnv("OLLAMA_HOST", "");
    expect(resolveOllamaHost(undefined)).toBe("http://127.0.0.1:11434");
    vi.stubEnv("OLLAMA_HOST", "0.0.0.0");
    expect(resolveOllamaHost(undefined)).toBe("http://127.0.0.1:11434");
    vi.stubEnv("OLLAMA_HOST", "gpu-box:9999");
    expect(resolveOllamaHost(undefined)).toBe("http://gpu-box:9999");
    expect(resolveOllamaHost("https://ollama.example.com/")).toBe("https://ollama.example.com");
    expect(new ChatOllama().baseUrl).toBe("http://gpu-box:9999");
  });
});
