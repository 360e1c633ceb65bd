import { InvalidConfigError } from "../../errors/input-errors.js";
import { MissingApiKeyError, ProviderError } from "../../errors/provider-error.js";
import { sleep as defaultSleep } from "../../runnables/sleep.js";
import { Embeddings, type EmbedOptions } from "../embeddings.js";
import { postJsonWithRetry } from "./post-json-with-retry.js";

/** Options of `OpenAIEmbeddings`. */
export interface OpenAIEmbeddingsFields {
  /** Default `"text-embedding-3-small"`. */
  model?: string | undefined;
  /** Shorter vectors (text-embedding-3 models only); sent as `dimensions`. */
  dimensions?: number | undefined;
  /** Default: the `OPENAI_API_KEY` environment variable. */
  apiKey?: string | undefined;
  /** Default `OPENAI_BASE_URL`, else `https://api.openai.com/v1` (any OpenAI-compatible server). */
  baseURL?: string | undefined;
  /** Sent as `OpenAI-Organization` when set. */
  organization?: string | undefined;
  /** Inputs per request (default 512); larger lists are split and the results joined in order. */
  batchSize?: number | undefined;
  /** Further attempts after a retryable failure (default 3). */
  maxRetries?: number | undefined;
  /** Per-request deadline in ms (default 60 000). */
  timeout?: number | undefined;
  /** Extra request headers. */
  headers?: Record<string, string> | undefined;
  /** The fetch to use (a test seam; default the global `fetch`). */
  fetch?: typeof fetch | undefined;
  /** How to wait between retries (a test seam). */
  sleep?: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined;
}

interface EmbeddingItem {
  index: number;
  embedding: number[];
}

function readItems(json: unknown, expected: number): number[][] {
  const data = (json as { data?: unknown } | null)?.data;
  const items = Array.isArray(data) ? (data as Partial<EmbeddingItem>[]) : [];
  const valid = items.every((d) => Number.isInteger(d.index) && Array.isArray(d.embedding));
  if (!valid || items.length !== expected) {
    throw new ProviderError(
      `OpenAI returned ${items.length} embeddings for ${expected} inputs, or malformed data`,
      {
        provider: "openai",
        retryable: false,
      },
    );
  }
  // The API tags each vector with its input's index; do not rely on the list order.
  return [...(items as EmbeddingItem[])].sort((a, b) => a.index - b.index).map((d) => d.embedding);
}

/**
 * Embeddings from OpenAI's `/embeddings` endpoint (or any compatible server via `baseURL`),
 * over `fetch` with no SDK. Inputs are sent `batchSize` at a time; retryable failures (408,
 * 409, 429, 5xx, timeouts, network errors) are retried with exponential backoff and jitter,
 * honouring `retry-after`; other failures throw a `ProviderError` with the API's message,
 * `status` and `providerErrorType`. A missing key throws `MissingApiKeyError` at construction.
 *
 * @example
 * const embeddings = new OpenAIEmbeddings({ model: "text-embedding-3-small" });
 * const store = await MemoryVectorStore.fromTexts(texts, [], embeddings);
 */
export class OpenAIEmbeddings extends Embeddings {
  override readonly dimensions: number | undefined;
  readonly model: string;
  readonly baseURL: string;
  readonly batchSize: number;
  readonly maxRetries: number;
  readonly timeout: number;
  readonly #apiKey: string;
  readonly #fields: OpenAIEmbeddingsFields;

  constructor(fields: OpenAIEmbeddingsFields = {}) {
    super();
    const apiKey = fields.apiKey ?? process.env.OPENAI_API_KEY;
    if (!apiKey) throw new MissingApiKeyError("OpenAI", "OPENAI_API_KEY");
    this.#apiKey = apiKey;
    this.#fields = fields;
    this.model = fields.model ?? "text-embedding-3-small";
    this.dimensions = fields.dimensions;
    this.baseURL = (fields.baseURL ?? process.env.OPENAI_BASE_URL ?? "https://api.openai.com/v1").replace(
      /\/+$/,
      "",
    );
    this.batchSize = fields.batchSize ?? 512;
    this.maxRetries = fields.maxRetries ?? 3;
    this.timeout = fields.timeout ?? 60_000;
    if (!Number.isInteger(this.batchSize) || this.batchSize < 1) {
      throw new InvalidConfigError(`batchSize must be a positive integer, got ${this.batchSize}`);
    }
  }

  override async embedDocuments(texts: string[], options: EmbedOptions = {}): Promise<number[][]> {
    const out: number[][] = [];
    // Sequential batches: keeps within rate limits and lets an abort stop before the next one.
    for (let start = 0; start < texts.length; start += this.batchSize) {
      out.push(...(await this.#request(texts.slice(start, start + this.batchSize), options.signal)));
    }
    return out;
  }

  override async embedQuery(text: string, options: EmbedOptions = {}): Promise<number[]> {
    const [vector] = await this.#request([text], options.signal);
    return vector!;
  }

  async #request(input: string[], signal: AbortSignal | undefined): Promise<number[][]> {
    const f = this.#fields;
    const headers: Record<string, string> = { authorization: `Bearer ${this.#apiKey}`, ...f.headers };
    if (f.organization !== undefined) headers["openai-organization"] = f.organization;
    const payload = {
      model: this.model,
      input,
      ...(this.dimensions === undefined ? {} : { dimensions: this.dimensions }),
      encoding_format: "float",
    };
    const json = await postJsonWithRetry(`${this.baseURL}/embeddings`, payload, {
      provider: "openai",
      headers,
      fetch: f.fetch ?? globalThis.fetch,
      sleep: f.sleep ?? defaultSleep,
      maxRetries: this.maxRetries,
      timeout: this.timeout,
      signal,
    });
    return readItems(json, input.length);
  }
}
