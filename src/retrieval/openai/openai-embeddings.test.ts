import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ProviderError } from "rivulet";
import { afterEach, describe, expect, it, vi } from "vitest";
import { OpenAIEmbeddings } from "./openai-embeddings.js";

interface Received {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingMessage["headers"];
  body: { model: string; input: string[]; dimensions?: number; encoding_format: string };
}
type Reply = (req: Received, res: ServerResponse) => void;

/** The vector the fake server gives a text: [length, first char code], easy to check. */
const vectorOf = (text: string) => [text.length, text.charCodeAt(0)];

/** Answers like the real API, listing the items in reverse to prove we order by `index`. */
const ok: Reply = (req, res) => {
  const data = req.body.input.map((t, index) => ({ object: "embedding", index, embedding: vectorOf(t) }));
  res.setHeader("content-type", "application/json");
  res.end(
    JSON.stringify({
      object: "list",
      data: data.reverse(),
      model: req.body.model,
      usage: { prompt_tokens: 3, total_tokens: 3 },
    }),
  );
};

const apiError =
  (status: number, headers: Record<string, string> = {}): Reply =>
  (_req, res) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(
      JSON.stringify({ error: { message: `failure ${status}`, type: "invalid_request_error", code: "bad" } }),
    );
  };

/** A loopback server speaking the embeddings API; replies are taken in turn (the last repeats). */
async function startServer(replies: Reply[]) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => {
      raw += c.toString("utf8");
    });
    req.on("end", () => {
      const r: Received = { method: req.method, url: req.url, headers: req.headers, body: JSON.parse(raw) };
      received.push(r);
      (replies[received.length - 1] ?? replies.at(-1)!)(r, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  servers.push(server);
  return { baseURL: `http://127.0.0.1:${port}/v1`, received };
}

const servers: ReturnType<typeof createServer>[] = [];
afterEach(async () => {
  vi.unstubAllEnvs();
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

const noSleep = () => Promise.resolve();

describe("OpenAIEmbeddings", () => {
  it("sends the API's request and returns vectors in input order", async () => {
    const { baseURL, received } = await startServer([ok]);
    const embeddings = new OpenAIEmbeddings({
      apiKey: "sk-test",
      baseURL,
      dimensions: 2,
      organization: "org-1",
    });
    expect(await embeddings.embedDocuments(["a", "bb", "ccc"])).toStrictEqual([
      vectorOf("a"),
      vectorOf("bb"),
      vectorOf("ccc"),
    ]);
    expect(await embeddings.embedQuery("hello")).toStrictEqual(vectorOf("hello"));
    const [first] = received;
    expect(first).toMatchObject({ method: "POST", url: "/v1/embeddings" });
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
    const { baseURL, received } = await startServer([ok]);
    const embeddings = new OpenAIEmbeddings({ baseURL });
    expect(await embeddings.embedDocuments([])).toStrictEqual([]);
    await embeddings.embedQuery("x");
    expect(received).toHaveLength(1);
    expect(received[0]!.headers.authorization).toBe("Bearer sk-env");
    expect(received[0]!.body.dimensions).toBeUndefined();
  });

  it("batches: 5 inputs with batchSize 2 make 3 requests, order preserved", async () => {
    const { baseURL, received } = await startServer([ok]);
    const texts = ["a", "bb", "ccc", "dddd", "eeeee"];
    const embeddings = new OpenAIEmbeddings({ apiKey: "k", baseURL, batchSize: 2 });
    expect(await embeddings.embedDocuments(texts)).toStrictEqual(texts.map(vectorOf));
    expect(received.map((r) => r.body.input)).toStrictEqual([["a", "bb"], ["ccc", "dddd"], ["eeeee"]]);
  });

  it("retries a 429 after `retry-after: 0`, then succeeds", async () => {
    const { baseURL, received } = await startServer([apiError(429, { "retry-after": "0" }), ok]);
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
    };
    const embeddings = new OpenAIEmbeddings({ apiKey: "k", baseURL, sleep });
    expect(await embeddings.embedQuery("hi")).toStrictEqual(vectorOf("hi"));
    expect(received).toHaveLength(2);
    expect(waits).toStrictEqual([0]);
  });

  it("backs off exponentially on 5xx and gives up after maxRetries with a retryable ProviderError", async () => {
    const { baseURL, received } = await startServer([apiError(503)]);
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
    };
    const embeddings = new OpenAIEmbeddings({ apiKey: "k", baseURL, sleep, maxRetries: 2 });
    const error = await embeddings.embedQuery("hi").catch((e: unknown) => e);
    expect(received).toHaveLength(3);
    expect(ProviderError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: "provider", status: 503, retryable: true, provider: "openai" });
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeGreaterThanOrEqual(250);
    expect(waits[0]).toBeLessThanOrEqual(500);
    expect(waits[1]).toBeGreaterThanOrEqual(500);
    expect(waits[1]).toBeLessThanOrEqual(1000);
  });

  it("surfaces a 400 at once as a typed ProviderError keeping the API's message", async () => {
    const { baseURL, received } = await startServer([apiError(400)]);
    const embeddings = new OpenAIEmbeddings({ apiKey: "k", baseURL, sleep: noSleep });
    const error = await embeddings.embedQuery("hi").catch((e: unknown) => e);
    expect(received).toHaveLength(1);
    expect(ProviderError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      code: "provider",
      status: 400,
      retryable: false,
      providerErrorType: "invalid_request_error",
    });
    expect((error as Error).message).toContain("failure 400");
    expect((error as Error).cause).toStrictEqual({
      error: { message: "failure 400", type: "invalid_request_error", code: "bad" },
    });
  });

  it("a missing key is a typed error naming OPENAI_API_KEY", () => {
    vi.stubEnv("OPENAI_API_KEY", "");
    expect(() => new OpenAIEmbeddings()).toThrow(expect.objectContaining({ code: "missing_api_key" }));
    expect(() => new OpenAIEmbeddings()).toThrow(/OPENAI_API_KEY/);
  });

  it("aborts a request in flight when the caller's signal aborts", async () => {
    let arrived!: () => void;
    const requestArrived = new Promise<void>((r) => {
      arrived = r;
    });
    const { baseURL } = await startServer([() => arrived()]); // never answers
    const controller = new AbortController();
    const embeddings = new OpenAIEmbeddings({ apiKey: "k", baseURL, sleep: noSleep });
    const pending = embeddings.embedQuery("hi", { signal: controller.signal });
    await requestArrived;
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: "aborted" });
  });

  it("a request past `timeout` fails with a TimeoutError (after its retries)", async () => {
    const { baseURL, received } = await startServer([() => {}]); // never answers
    const embeddings = new OpenAIEmbeddings({
      apiKey: "k",
      baseURL,
      timeout: 50,
      maxRetries: 1,
      sleep: noSleep,
    });
    await expect(embeddings.embedQuery("hi")).rejects.toMatchObject({ code: "timeout", timeoutMs: 50 });
    expect(received).toHaveLength(2);
  });

  it("retries network errors, then reports them as a retryable ProviderError", async () => {
    let calls = 0;
    const fetch = (async () => {
      calls++;
      throw new TypeError("fetch failed");
    }) as typeof globalThis.fetch;
    const embeddings = new OpenAIEmbeddings({ apiKey: "k", fetch, sleep: noSleep, maxRetries: 2 });
    await expect(embeddings.embedQuery("hi")).rejects.toMatchObject({
      code: "provider",
      retryable: true,
      message: expect.stringContaining("fetch failed"),
    });
    expect(calls).toBe(3);
  });

  it("rejects a response with the wrong number of embeddings", async () => {
    const fetch = (async () => Response.json({ object: "list", data: [] })) as typeof globalThis.fetch;
    const embeddings = new OpenAIEmbeddings({ apiKey: "k", fetch });
    await expect(embeddings.embedQuery("hi")).rejects.toMatchObject({ code: "provider", retryable: false });
  });
});
