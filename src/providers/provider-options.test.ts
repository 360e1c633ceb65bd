import { afterEach, describe, expect, it, vi } from "vitest";
import { InvalidConfigError } from "../errors/input-errors.js";
import { AIMessageChunk } from "../messages/ai-message-chunk.js";
import type { BaseMessage } from "../messages/base-message.js";
import { HumanMessage } from "../messages/human-message.js";
import { ChatAnthropic } from "./anthropic/index.js";
import { ProviderChatModel, type ProviderChatModelFields } from "./base/provider-chat-model.js";
import type { FetchLike } from "./base/transport-options.js";
import { initChatModel } from "./init-chat-model.js";
import { closestName } from "./internal/closest-name.js";
import { ChatOllama } from "./ollama/index.js";
import { ChatOpenAI, OpenAIEmbeddings } from "./openai/index.js";

// LangChain's provider options as @langchain/openai, @langchain/anthropic and @langchain/ollama
// take them (aliases, the model-name-first constructor, the base-URL environment variables),
// and an InvalidConfigError for a key a provider does not take, never a silently ignored one.

afterEach(() => vi.unstubAllEnvs());

const hi = [new HumanMessage("hi")];
const OPENAI_SSE =
  'data: {"id":"c1","choices":[{"index":0,"delta":{"role":"assistant","content":"Hel"}}]}\n\n' +
  'data: {"id":"c1","choices":[{"index":0,"delta":{"content":"lo"},"finish_reason":"stop"}]}\n\ndata: [DONE]\n\n';

/** A `fetch` double that answers every request with `body` and records what was sent. */
function recordingFetch(body = OPENAI_SSE): {
  fetch: FetchLike;
  requests: { url: string; init: RequestInit }[];
} {
  const requests: { url: string; init: RequestInit }[] = [];
  const fetch: FetchLike = async (url, init) => {
    requests.push({ url, init });
    return new Response(body, { headers: { "content-type": "text/event-stream" } });
  };
  return { fetch, requests };
}

function headerOf(init: RequestInit | undefined, name: string): string | undefined {
  return new Headers(init?.headers).get(name) ?? undefined;
}

/** The InvalidConfigError `build` throws (the test fails when it throws nothing or something else). */
function configError(build: () => unknown): InvalidConfigError {
  try {
    build();
  } catch (error) {
    if (InvalidConfigError.isInstance(error)) return error;
    throw error;
  }
  throw new Error("expected an InvalidConfigError");
}

/** Builds with options read from untyped data (JavaScript callers, spread configs). */
function untyped<T>(value: Record<string, unknown>): T {
  return value as T;
}

describe("ChatOpenAI options", () => {
  it("reads modelName as model (it sent gpt-4o-mini)", () => {
    const model = new ChatOpenAI({ apiKey: "k", modelName: "gpt-4o" });
    expect(model.model).toBe("gpt-4o");
    expect(model.requestBody(hi).model).toBe("gpt-4o");
    expect(model.getLsParams().ls_model_name).toBe("gpt-4o");
  });

  it("takes the model name first, as new ChatOpenAI(model, fields) does", () => {
    expect(new ChatOpenAI("gpt-4.1", { apiKey: "k" }).requestBody(hi).model).toBe("gpt-4.1");
  });

  it("reads openAIApiKey as apiKey: no MissingApiKeyError, and the key is sent", async () => {
    vi.stubEnv("OPENAI_API_KEY", "");
    const { fetch, requests } = recordingFetch();
    await new ChatOpenAI({ openAIApiKey: "sk-alias", fetch }).invoke("hi");
    expect(headerOf(requests[0]?.init, "authorization")).toBe("Bearer sk-alias");
  });

  it("reads maxTokens, max_tokens and maxCompletionTokens as one option", () => {
    for (const fields of [{ maxTokens: 7 }, { max_tokens: 7 }, { maxCompletionTokens: 7 }]) {
      const model = new ChatOpenAI({ apiKey: "k", ...fields });
      expect(model.maxTokens).toBe(7);
      expect(model.requestBody(hi).max_completion_tokens).toBe(7);
    }
  });

  it("reads stopSequences as stop, baseUrl as baseURL and reasoning.effort as reasoningEffort", () => {
    const model = new ChatOpenAI({
      apiKey: "k",
      stopSequences: ["\n\n"],
      baseUrl: "http://127.0.0.1:9/v1/",
      reasoning: { effort: "low" },
    });
    expect(model.baseURL).toBe("http://127.0.0.1:9/v1");
    expect(model.requestBody(hi)).toMatchObject({ stop: ["\n\n"], reasoning_effort: "low" });
  });

  it("sends user, logitBias, service_tier, verbosity and promptCacheKey under the API's names", () => {
    const body = new ChatOpenAI({
      apiKey: "k",
      user: "user-1",
      logitBias: { "50256": -100 },
      service_tier: "flex",
      verbosity: "low",
      promptCacheKey: "cache-1",
      n: 1,
    }).requestBody(hi);
    expect(body).toMatchObject({
      user: "user-1",
      logit_bias: { "50256": -100 },
      service_tier: "flex",
      verbosity: "low",
      prompt_cache_key: "cache-1",
    });
    expect(body.n).toBeUndefined();
  });

  it("refuses n above 1 and a reasoning summary (not covered) with what to do", () => {
    expect(configError(() => new ChatOpenAI({ apiKey: "k", n: 2 })).message).toContain('"n" can only be 1');
    const summary = untyped<ConstructorParameters<typeof ChatOpenAI>[0]>({
      apiKey: "k",
      reasoning: { effort: "low", summary: "auto" },
    });
    expect(configError(() => new ChatOpenAI(summary)).message).toContain("reasoning.summary");
  });

  it("names the unknown key and the closest valid one", () => {
    const cases: [string, string][] = [
      ["modelname", "modelName"],
      ["top_p", "topP"],
      ["temprature", "temperature"],
      ["apikey", "apiKey"],
    ];
    for (const [key, closest] of cases) {
      const error = configError(() => new ChatOpenAI(untyped({ apiKey: "k", [key]: 1 })));
      expect(error.message).toBe(`ChatOpenAI has no option "${key}"; did you mean "${closest}"?`);
    }
  });

  it("says what to do instead of a LangChain option it does not take", () => {
    const manager = configError(() => new ChatOpenAI(untyped({ apiKey: "k", callbackManager: {} })));
    expect(manager.message).toContain('does not take LangChain\'s option "callbackManager"');
    expect(manager.message).toContain("`callbacks`");
    const logprobs = configError(() => new ChatOpenAI(untyped({ apiKey: "k", logprobs: true })));
    expect(logprobs.message).toContain("log probabilities");
  });

  it("checks the keys of configuration", () => {
    const timeout = configError(
      () => new ChatOpenAI(untyped({ apiKey: "k", configuration: { timeout: 5 } })),
    );
    expect(timeout.message).toContain('"configuration.timeout"');
    expect(timeout.message).toContain("`timeout` option");
    const typo = configError(() => new ChatOpenAI(untyped({ apiKey: "k", configuration: { baseUrl: "x" } })));
    expect(typo.message).toBe(
      'ChatOpenAI has no option "configuration.baseUrl"; did you mean "configuration.baseURL"?',
    );
    expect(
      new ChatOpenAI({
        apiKey: "k",
        configuration: { baseURL: "http://h/v1", dangerouslyAllowBrowser: true },
      }).baseURL,
    ).toBe("http://h/v1");
  });

  it("refuses an alias and its option with different values, without printing them; equal values are fine", () => {
    const model = configError(
      () => new ChatOpenAI({ apiKey: "k", model: "gpt-4o", modelName: "gpt-4o-mini" }),
    );
    expect(model.message).toBe(
      'ChatOpenAI was given "modelName" and "model" with different values: they set one option, "model"; pass it once',
    );
    const key = configError(() => new ChatOpenAI({ apiKey: "sk-secret-1", openAIApiKey: "sk-secret-2" }));
    expect(key.message).not.toContain("sk-secret");
    const tokens = configError(() => new ChatOpenAI({ apiKey: "k", max_tokens: 5, maxCompletionTokens: 6 }));
    expect(tokens.message).toContain('"maxTokens"');
    const first = configError(() => new ChatOpenAI("gpt-4o", { apiKey: "k", model: "gpt-4.1" }));
    expect(first.message).toContain("first argument");
    expect(new ChatOpenAI({ apiKey: "k", model: "gpt-4o", modelName: "gpt-4o" }).model).toBe("gpt-4o");
    expect(new ChatOpenAI({ apiKey: "k", stop: ["a"], stopSequences: ["a"] }).fields.stop).toEqual(["a"]);
  });

  it("streaming: false (disableStreaming) delivers the answer as one chunk; streaming: true streams", async () => {
    const chunksOf = async (fields: { streaming?: boolean; disableStreaming?: boolean }) => {
      const { fetch } = recordingFetch();
      const chunks: AIMessageChunk[] = [];
      for await (const chunk of await new ChatOpenAI({ apiKey: "k", fetch, ...fields }).stream("hi")) {
        chunks.push(chunk);
      }
      return chunks.map((chunk) => chunk.text);
    };
    expect(await chunksOf({ streaming: true })).toEqual(["Hel", "lo"]);
    expect(await chunksOf({ streaming: false })).toEqual(["Hello"]);
    expect(await chunksOf({ disableStreaming: true })).toEqual(["Hello"]);
    expect(
      configError(() => new ChatOpenAI({ apiKey: "k", streaming: true, disableStreaming: true })).message,
    ).toContain('"disableStreaming"');
  });

  it("reads OPENAI_API_BASE before OPENAI_BASE_URL, and OPENAI_ORGANIZATION", async () => {
    vi.stubEnv("OPENAI_BASE_URL", "http://127.0.0.1:2/v1");
    expect(new ChatOpenAI({ apiKey: "k" }).baseURL).toBe("http://127.0.0.1:2/v1");
    vi.stubEnv("OPENAI_API_BASE", "http://127.0.0.1:1/v1");
    expect(new ChatOpenAI({ apiKey: "k" }).baseURL).toBe("http://127.0.0.1:1/v1");
    vi.stubEnv("OPENAI_ORGANIZATION", "org-env");
    const { fetch, requests } = recordingFetch();
    await new ChatOpenAI({ apiKey: "k", fetch }).invoke("hi");
    expect(headerOf(requests[0]?.init, "openai-organization")).toBe("org-env");
  });
});

describe("ChatAnthropic options", () => {
  it("reads anthropicApiKey, anthropicApiUrl, modelName and stopSequences", () => {
    vi.stubEnv("ANTHROPIC_API_KEY", "");
    const model = new ChatAnthropic({
      anthropicApiKey: "sk-ant",
      anthropicApiUrl: "http://127.0.0.1:3/",
      modelName: "claude-haiku-4-5",
      stopSequences: ["END"],
    });
    expect(model.baseURL).toBe("http://127.0.0.1:3");
    expect(model.requestBody(hi)).toMatchObject({ model: "claude-haiku-4-5", stop_sequences: ["END"] });
  });

  it("takes the model name first, as new ChatAnthropic(model, fields) does", () => {
    expect(new ChatAnthropic("claude-opus-4-1", { apiKey: "k" }).requestBody(hi).model).toBe(
      "claude-opus-4-1",
    );
  });

  it("reads ANTHROPIC_BASE_URL like OPENAI_BASE_URL (ANTHROPIC_API_URL first), after the options", () => {
    vi.stubEnv("ANTHROPIC_BASE_URL", "http://127.0.0.1:4/");
    expect(new ChatAnthropic({ apiKey: "k" }).baseURL).toBe("http://127.0.0.1:4");
    vi.stubEnv("ANTHROPIC_API_URL", "http://127.0.0.1:5");
    expect(new ChatAnthropic({ apiKey: "k" }).baseURL).toBe("http://127.0.0.1:5");
    expect(new ChatAnthropic({ apiKey: "k", clientOptions: { baseURL: "http://127.0.0.1:6" } }).baseURL).toBe(
      "http://127.0.0.1:6",
    );
    expect(new ChatAnthropic({ apiKey: "k", baseURL: "http://127.0.0.1:7" }).baseURL).toBe(
      "http://127.0.0.1:7",
    );
  });

  it("sends clientOptions.defaultHeaders, under the model's headers", async () => {
    const { fetch, requests } = recordingFetch('event: message_stop\ndata: {"type":"message_stop"}\n\n');
    const model = new ChatAnthropic({
      apiKey: "k",
      fetch,
      clientOptions: { defaultHeaders: { "x-team": "a", "x-both": "client" } },
      headers: { "x-both": "model" },
    });
    await model.invoke("hi").catch(() => undefined);
    expect(headerOf(requests[0]?.init, "x-team")).toBe("a");
    expect(headerOf(requests[0]?.init, "x-both")).toBe("model");
  });

  it("names unknown keys, refuses unsupported ones and conflicting aliases", () => {
    expect(configError(() => new ChatAnthropic(untyped({ apiKey: "k", top_k: 5 }))).message).toBe(
      'ChatAnthropic has no option "top_k"; did you mean "topK"?',
    );
    expect(
      configError(() => new ChatAnthropic(untyped({ apiKey: "k", outputConfig: {} }))).message,
    ).toContain("invocationKwargs");
    expect(
      configError(() => new ChatAnthropic({ apiKey: "k", baseURL: "http://a", anthropicApiUrl: "http://b" }))
        .message,
    ).toContain('"anthropicApiUrl" and "baseURL"');
    expect(
      configError(() => new ChatAnthropic(untyped({ apiKey: "k", streamUsage: false }))).message,
    ).toContain("always reports usage");
    expect(
      configError(() => new ChatAnthropic(untyped({ apiKey: "k", clientOptions: { apiKey: "x" } }))).message,
    ).toContain('"clientOptions.apiKey"');
  });
});

describe("ChatOllama options", () => {
  it("reads numPredict, baseURL and @langchain/ollama's camel-case model options", () => {
    const model = new ChatOllama({
      baseURL: "http://127.0.0.1:8",
      numPredict: 64,
      numGpu: 0,
      mirostatTau: 4,
    });
    expect(model.baseUrl).toBe("http://127.0.0.1:8");
    expect(model.requestBody(hi).options).toEqual({ num_predict: 64, num_gpu: 0, mirostat_tau: 4 });
  });

  it("reads OLLAMA_BASE_URL (what @langchain/ollama reads) before OLLAMA_HOST", () => {
    vi.stubEnv("OLLAMA_HOST", "127.0.0.1:9");
    expect(new ChatOllama().baseUrl).toBe("http://127.0.0.1:9");
    vi.stubEnv("OLLAMA_BASE_URL", "http://127.0.0.1:10");
    expect(new ChatOllama().baseUrl).toBe("http://127.0.0.1:10");
  });

  it("names unknown keys and refuses checkOrPullModel", () => {
    expect(configError(() => new ChatOllama(untyped({ num_ctx: 4096 }))).message).toBe(
      'ChatOllama has no option "num_ctx"; did you mean "numCtx"?',
    );
    expect(configError(() => new ChatOllama(untyped({ checkOrPullModel: true }))).message).toContain(
      "ollama pull",
    );
  });
});

describe("initChatModel options", () => {
  it("passes LangChain's aliases through the provider's checks", async () => {
    vi.stubEnv("ANTHROPIC_API_KEY", "");
    const claude = await initChatModel("claude-haiku-4-5", { anthropicApiKey: "k", stopSequences: ["END"] });
    expect(claude).toBeInstanceOf(ChatAnthropic);
    expect(claude.fields.stop).toEqual(["END"]);
  });

  it("refuses a key the chosen provider does not take, and a second, different model", async () => {
    await expect(initChatModel("gpt-4o", { apiKey: "k", numCtx: 4096 })).rejects.toThrow(
      'ChatOpenAI has no option "numCtx"',
    );
    await expect(initChatModel("gpt-4o", { apiKey: "k", modelName: "gpt-4o-mini" })).rejects.toThrow(
      InvalidConfigError,
    );
    await expect(initChatModel("gpt-4o", { apiKey: "k", model: "gpt-4.1" })).rejects.toThrow(
      'initChatModel was given the model "gpt-4o" and the option "model" with another value',
    );
    await expect(
      initChatModel("gpt-4o", untyped({ apiKey: "k", configurableFields: "any" })),
    ).rejects.toThrow("configurable models");
    await expect(initChatModel("gpt-4o", untyped({ apiKey: "k", top_p: 1 }))).rejects.toThrow(
      'did you mean "topP"?',
    );
  });
});

describe("OpenAIEmbeddings options", () => {
  it("reads modelName and openAIApiKey, strips newlines when asked, and names unknown keys", async () => {
    vi.stubEnv("OPENAI_API_KEY", "");
    const requests: { init: RequestInit }[] = [];
    const fetch: FetchLike = async (_url, init) => {
      requests.push({ init });
      const data = [{ object: "embedding", index: 0, embedding: [0.5] }];
      return new Response(JSON.stringify({ data }), { headers: { "content-type": "application/json" } });
    };
    const embeddings = new OpenAIEmbeddings({
      modelName: "text-embedding-3-large",
      openAIApiKey: "sk-e",
      stripNewLines: true,
      fetch,
    });
    await embeddings.embedQuery("two\nlines");
    expect(JSON.parse(String(requests[0]?.init.body))).toMatchObject({
      model: "text-embedding-3-large",
      input: ["two lines"],
    });
    expect(headerOf(requests[0]?.init, "authorization")).toBe("Bearer sk-e");
    expect(configError(() => new OpenAIEmbeddings(untyped({ apiKey: "k", batch_size: 8 }))).message).toBe(
      'OpenAIEmbeddings has no option "batch_size"; did you mean "batchSize"?',
    );
  });
});

describe("the public base", () => {
  class ChatEcho extends ProviderChatModel<ProviderChatModelFields & { endpoint?: string }> {
    protected override readonly defaultStructuredMethod = "functionCalling";
    _llmType(): string {
      return "echo";
    }
    override async *_streamChunks(messages: BaseMessage[]): AsyncIterable<AIMessageChunk> {
      yield new AIMessageChunk(messages.at(-1)?.text ?? "");
    }
    protected override withJsonSchemaOutput(): this {
      return this;
    }
  }

  it("resolves the common aliases for a third-party provider and keeps its own keys", () => {
    const model = new ChatEcho({ modelName: "echo-2", stopSequences: ["x"], max_tokens: 3, endpoint: "e" });
    expect(model.model).toBe("echo-2");
    expect(model.maxTokens).toBe(3);
    expect(model.fields).toEqual({ model: "echo-2", stop: ["x"], maxTokens: 3, endpoint: "e" });
    expect(configError(() => new ChatEcho({ model: "a", modelName: "b" })).message).toContain(
      "ProviderChatModel",
    );
  });
});

describe("closestName", () => {
  it("compares without case, underscores and dashes, then by edit distance", () => {
    expect(closestName("TOP-P", ["topK", "topP"])).toBe("topP");
    expect(closestName("maxToken", ["maxTokens", "maxRetries"])).toBe("maxTokens");
    expect(closestName("x", [])).toBeUndefined();
  });
});
