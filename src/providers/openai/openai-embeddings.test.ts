import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AbortError, TimeoutError } from "../../errors/abort-error.js";
import { MissingApiKeyError, ProviderError } from "../../errors/provider-error.js";
import type { FetchLike } from "../base/transport-options.js";
import { recordingSleep } from "../test-support/collect.js";
import { LoopbackServer, type ReplyScript } from "../test-support/loopback-server.js";
import { OpenAIEmbeddings, type OpenAIEmbeddingsFields } from "./index.js";

const JSON_HEADERS = { "content-type": "application/json" };

/** The vector the fake server gives a text: [length, first char code], easy to check. */
const vectorOf = (text: string) => [text.length, text.charCodeAt(0)];

/** The API's answer for `texts`, listing the items in reverse to prove we order by `index`. */
function embeddingsReply(texts: string[]): ReplyScript {
  const data = texts.map((t, index) => ({ object: "embedding", index, embedding: vectorOf(t) }));
  const body = { object: "list", data: data.reverse(), model: "text-embedding-3-small", usage: {} };
  return { headers: JSON_HEADERS, body: JSON.stringify(body) };
}

function apiError(status: number, headers: Record<string, string> = {}): ReplyScript {
  const error = { message: `failure ${status}`, type: "invalid_request_error", code: "bad" };
  return { status, headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify({ error }) };
}

describe("OpenAIEmbeddings", () => {
  let server: LoopbackServer;
  beforeEach(async () => {
    server = await LoopbackServer.start();
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    await server.close();
  });
  const make = (fields: OpenAIEmbeddingsFields = {}) =>
    new OpenAIEmbeddings({ apiKey: "sk-test", baseURL: `${server.url}/v1`, ...fields });

  it("sends the API's request and returns vectors in input order", async () => {
    server.reply(embeddingsReply(["a", "bb", "ccc"]), embeddingsReply(["hello"]));
    const embeddings = make({ dimensions: 2, organization: "org-1" });
    expect(await embeddings.embedDocuments(["a", "bb", "ccc"])).toStrictEqual([
      vectorOf("a"),
      vectorOf("bb"),
      vectorOf("ccc"),
    ]);
    expect(await embeddings.embedQuery("hello")).toStrictEqual(vectorOf("hello"));
    const [first] = server.requests;
    expect(first).toMatchObject({ method: "POST", path: "/v1/embeddings" });
    expect(first!.headers).toMatchObject({
      authorization: "Bearer sk-test",
      "content-type": "application/json",
      "openai-organization": "org-1",
    });
    expect(first!.body).toStrictEqual({
      model: "text-embedding-3-small",
      input: ["a", "bb", "ccc"],
      dimensions: 2,
      encoding_format: "float",
    });
  });

  it("reads the key from OPENAI_API_KEY and makes no request for no texts", async () => {
    vi.stubEnv("OPENAI_API_KEY", "sk-env");
    server.reply(embeddingsReply(["x"]));
    const embeddings = new OpenAIEmbeddings({ baseURL: `${server.url}/v1`, headers: { "x-extra": "1" } });
    expect(await embeddings.embedDocuments([])).toStrictEqual([]);
    await embeddings.embedQuery("x");
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.headers).toMatchObject({ authorization: "Bearer sk-env", "x-extra": "1" });
    expect(server.requests[0]!.body).not.toHaveProperty("dimensions");
  });

  it("batches: 5 inputs with batchSize 2 make 3 requests, order preserved", async () => {
    const texts = ["a", "bb", "ccc", "dddd", "eeeee"];
    server.reply(embeddingsReply(["a", "bb"]), embeddingsReply(["ccc", "dddd"]), embeddingsReply(["eeeee"]));
    expect(await make({ batchSize: 2 }).embedDocuments(texts)).toStrictEqual(texts.map(vectorOf));
    expect(server.requests.map((r) => (r.body as { input: string[] }).input)).toStrictEqual([
      ["a", "bb"],
      ["ccc", "dddd"],
      ["eeeee"],
    ]);
  });

  it("rejects a batchSize that is not a positive integer", () => {
    expect(() => make({ batchSize: 0 })).toThrow(expect.objectContaining({ code: "invalid_config" }));
  });

  it("retries a 429 after `retry-after: 0`, then succeeds", async () => {
    const { sleeps, sleep } = recordingSleep();
    server.reply(apiError(429, { "retry-after": "0" }), embeddingsReply(["hi"]));
    expect(await make({ sleep }).embedQuery("hi")).toStrictEqual(vectorOf("hi"));
    expect(server.requests).toHaveLength(2);
    expect(sleeps).toStrictEqual([0]);
  });

  it("reports a 429 asking for a pause over a minute instead of waiting", async () => {
    const { sleeps, sleep } = recordingSleep();
    server.reply(apiError(429, { "retry-after": "3600" }));
    await expect(make({ sleep }).embedQuery("hi")).rejects.toMatchObject({ status: 429, retryable: true });
    expect(sleeps).toStrictEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it("backs off exponentially on 5xx and gives up after maxRetries with a retryable ProviderError", async () => {
    const { sleeps, sleep } = recordingSleep();
    server.reply(apiError(503), apiError(503), apiError(503));
    const error = await make({ sleep, maxRetries: 2, random: () => 1 })
      .embedQuery("hi")
      .catch((e: unknown) => e);
    expect(server.requests).toHaveLength(3);
    expect(ProviderError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: "provider", status: 503, retryable: true, provider: "openai" });
    expect(sleeps).toStrictEqual([500, 1000]);
  });

  it("surfaces a 400 at once as a typed ProviderError keeping the API's message", async () => {
    const { sleeps, sleep } = recordingSleep();
    server.reply(apiError(400));
    const error = await make({ sleep })
      .embedQuery("hi")
      .catch((e: unknown) => e);
    expect(server.requests).toHaveLength(1);
    expect(sleeps).toStrictEqual([]);
    expect(ProviderError.isInstance(error)).toBe(true);
    const { status, retryable, providerErrorType, body, message } = error as ProviderError;
    expect({ status, retryable, providerErrorType }).toEqual({
      status: 400,
      retryable: false,
      providerErrorType: "invalid_request_error",
    });
    expect(body).toStrictEqual(JSON.parse(apiError(400).body!));
    expect(message).toContain("failure 400");
  });

  it("a missing key for OpenAI itself is a typed error naming OPENAI_API_KEY", () => {
    vi.stubEnv("OPENAI_API_KEY", "");
    vi.stubEnv("OPENAI_BASE_URL", "");
    expect(() => new OpenAIEmbeddings()).toThrow(MissingApiKeyError);
    expect(() => new OpenAIEmbeddings()).toThrow(/OPENAI_API_KEY/);
  });

  it("talks to a compatible server without a key", async () => {
    vi.stubEnv("OPENAI_API_KEY", "");
    server.reply(embeddingsReply(["x"]));
    await new OpenAIEmbeddings({ baseURL: `${server.url}/v1` }).embedQuery("x");
    expect(server.requests[0]!.headers.authorization).toBeUndefined();
  });

  it("aborts a request in flight and closes its connection when the caller's signal aborts", async () => {
    server.reply({ headers: JSON_HEADERS, ending: "hang" });
    const controller = new AbortController();
    const pending = make().embedQuery("hi", { signal: controller.signal });
    await vi.waitFor(() => expect(server.requests).toHaveLength(1));
    controller.abort();
    const error = await pending.catch((e: unknown) => e);
    expect(AbortError.isInstance(error)).toBe(true);
    expect(await server.requests[0]!.closed).toEqual({ beforeFinished: true });
  });

  it("a request past `timeout` fails with a total TimeoutError", async () => {
    server.reply({ headers: JSON_HEADERS, ending: "hang" });
    const error = await make({ timeout: 50 })
      .embedQuery("hi")
      .catch((e: unknown) => e);
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: "timeout", kind: "total", timeoutMs: 50 });
  });

  it("retries a body cut off before it was read whole", async () => {
    const { sleeps, sleep } = recordingSleep();
    const whole = embeddingsReply(["hi"]);
    server.reply({ ...whole, body: whole.body!.slice(0, 20), ending: "destroy" }, whole);
    expect(await make({ sleep }).embedQuery("hi")).toStrictEqual(vectorOf("hi"));
    expect(server.requests).toHaveLength(2);
    expect(sleeps).toHaveLength(1);
  });

  it("retries network errors, then reports them as a retryable ProviderError", async () => {
    let calls = 0;
    const fetch: FetchLike = async () => {
      calls++;
      throw new TypeError("fetch failed");
    };
    const { sleep } = recordingSleep();
    await expect(make({ fetch, sleep, maxRetries: 2 }).embedQuery("hi")).rejects.toMatchObject({
      code: "provider",
      retryable: true,
      message: expect.stringContaining("fetch failed"),
    });
    expect(calls).toBe(3);
  });

  it.each([
    [
      "a JSON error",
      JSON_HEADERS,
      '{"error":{"message":"model text-embedding-x does not exist","type":"invalid_request_error"}}',
      "model text-embedding-x does not exist",
    ],
    [
      "an HTML page",
      { "content-type": "text/html" },
      "<html><body><h1>Access denied</h1></body></html>",
      "Access denied",
    ],
    [
      "plain text with no content type",
      { "content-type": "" },
      "upstream connect error",
      "upstream connect error",
    ],
  ])(
    "a 200 answer that is %s is a non-retryable ProviderError with the server's message",
    async (_, headers, body, said) => {
      const { sleeps, sleep } = recordingSleep();
      server.reply({ headers, body });
      const error = await make({ sleep })
        .embedQuery("hi")
        .catch((e: unknown) => e);
      expect(ProviderError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ code: "provider", status: 200, retryable: false });
      expect((error as Error).message).toContain(said);
      expect(sleeps).toStrictEqual([]);
      expect(server.requests).toHaveLength(1);
    },
  );

  it("rejects, without retrying, a response with the wrong number of embeddings or no JSON", async () => {
    const { sleeps, sleep } = recordingSleep();
    server.reply({ headers: JSON_HEADERS, body: '{"object":"list","data":[]}' });
    await expect(make({ sleep }).embedQuery("hi")).rejects.toMatchObject({
      code: "provider",
      retryable: false,
      providerErrorType: "invalid_response",
    });
    server.reply({ headers: JSON_HEADERS, body: "<html>oops</html>" });
    await expect(make({ sleep }).embedQuery("hi")).rejects.toMatchObject({
      code: "provider",
      retryable: false,
      providerErrorType: "invalid_response",
    });
    expect(sleeps).toStrictEqual([]);
  });
});
