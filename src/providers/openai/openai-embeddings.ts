import { checkNumberOption } from "../../internal/check-number-option.js";
import { Embeddings, type EmbedOptions } from "../../retrieval/embeddings.js";
import type { ProviderTransportOptions } from "../base/transport-options.js";
import { ProviderTransport } from "../internal/provider-transport.js";
import { type ProviderOptionSpec, readProviderOptions } from "../internal/read-provider-options.js";
import type { OpenAIClientConfiguration } from "./chat-openai-fields.js";
import { OPENAI_CLIENT_CONFIGURATION } from "./chat-openai-options.js";
import { decodeOpenAIEmbeddings } from "./decode-openai-embeddings.js";
import { describeOpenAIError } from "./describe-openai-error.js";
import {
  OPENAI_BASE_URL,
  openAIAuthHeaders,
  resolveOpenAIApiKey,
  resolveOpenAIBaseURL,
} from "./openai-connection.js";

const DEFAULT_MODEL = "text-embedding-3-small";
const DEFAULT_BATCH_SIZE = 512;
const DEFAULT_MAX_RETRIES = 3;
const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * Options of `OpenAIEmbeddings` (`headers` and the `fetch`/`sleep`/`random` seams as for chat
 * models), under `@langchain/openai`'s names, its aliases `modelName` and `openAIApiKey`
 * included. Any other key is an `InvalidConfigError`.
 */
export interface OpenAIEmbeddingsFields
  extends Pick<ProviderTransportOptions, "headers" | "fetch" | "sleep" | "random"> {
  /** Default `"text-embedding-3-small"`. */
  model?: string | undefined;
  /** Shorter vectors (text-embedding-3 models only); sent as `dimensions`. */
  dimensions?: number | undefined;
  /** Default: the `OPENAI_API_KEY` environment variable (required by OpenAI itself, optional elsewhere). */
  apiKey?: string | undefined;
  /** Default `OPENAI_BASE_URL`, else `https://api.openai.com/v1` (any OpenAI-compatible server). */
  baseURL?: string | undefined;
  /** Sent as `OpenAI-Organization` when set. */
  organization?: string | undefined;
  /** Inputs per request (default 512); larger lists are split and the results joined in order. */
  batchSize?: number | undefined;
  /** Retries after the first attempt of a request, for 408/409/429/5xx and network errors (default 3). */
  maxRetries?: number | undefined;
  /** Deadline of one request in ms, its retries and waits included (default 60 000). */
  timeout?: number | undefined;
  /** `baseURL`, `apiKey`, `organization`, `project`, `defaultHeaders`, as for `ChatOpenAI`. */
  configuration?: OpenAIClientConfiguration | undefined;
  /** Replace newlines with spaces before embedding (default false; LangChain's default is true). */
  stripNewLines?: boolean | undefined;
  /** Same as `model` (LangChain's older name). */
  modelName?: string | undefined;
  /** Same as `apiKey` (LangChain's older name). */
  openAIApiKey?: string | undefined;
}

/** What `OpenAIEmbeddings` takes, and what to do instead of the `@langchain/openai` options it does not take. */
const OPENAI_EMBEDDINGS_OPTIONS: ProviderOptionSpec<OpenAIEmbeddingsFields> = {
  owner: "OpenAIEmbeddings",
  table: {
    model: "option",
    dimensions: "option",
    apiKey: "option",
    baseURL: "option",
    organization: "option",
    batchSize: "option",
    maxRetries: "option",
    timeout: "option",
    configuration: "option",
    stripNewLines: "option",
    headers: "option",
    fetch: "option",
    sleep: "option",
    random: "option",
    modelName: { aliasOf: "model" },
    openAIApiKey: { aliasOf: "apiKey" },
  },
  unsupported: {
    encodingFormat: 'Rivulet asks for "float" vectors',
    maxConcurrency: "batches are sent one after another",
    onFailedAttempt: "wrap the calls in your own retry; `maxRetries` sets the transport's",
  },
  nested: { configuration: OPENAI_CLIENT_CONFIGURATION },
};

/**
 * Embeddings from OpenAI's `/embeddings` endpoint (or any compatible server via `baseURL`),
 * over `fetch` with no SDK. Inputs are sent `batchSize` at a time. Requests go through the
 * transport every provider shares, so failures behave as for `ChatOpenAI`: 408/409/429/5xx and
 * network errors are retried with exponential backoff and jitter, honouring `retry-after`; other
 * failures throw a `ProviderError` with the API's message, `status` and `providerErrorType`.
 * A missing key for OpenAI itself throws `MissingApiKeyError` at construction.
 *
 * @example
 * const embeddings = new OpenAIEmbeddings({ model: "text-embedding-3-small" });
 * const store = await MemoryVectorStore.fromTexts(texts, [], embeddings);
 */
export class OpenAIEmbeddings extends Embeddings {
  override readonly dimensions: number | undefined;
  readonly model: string;
  /** The API root requests go to. */
  readonly baseURL: string;
  readonly batchSize: number;
  readonly stripNewLines: boolean;
  readonly #headers: Record<string, string>;
  readonly #transport: ProviderTransport;

  constructor(options: OpenAIEmbeddingsFields = {}) {
    super();
    const fields = readProviderOptions(OPENAI_EMBEDDINGS_OPTIONS, options);
    this.model = fields.model ?? DEFAULT_MODEL;
    this.stripNewLines = fields.stripNewLines ?? false;
    this.dimensions = checkNumberOption("dimensions", fields.dimensions, "positive-integer");
    this.baseURL = resolveOpenAIBaseURL(fields);
    this.batchSize =
      checkNumberOption("batchSize", fields.batchSize, "positive-integer") ?? DEFAULT_BATCH_SIZE;
    const apiKey = resolveOpenAIApiKey(fields, this.baseURL === OPENAI_BASE_URL);
    this.#headers = { ...fields.configuration?.defaultHeaders, ...openAIAuthHeaders(apiKey, fields) };
    this.#transport = new ProviderTransport({
      provider: "openai",
      describeError: describeOpenAIError,
      headers: fields.headers,
      maxRetries: fields.maxRetries ?? DEFAULT_MAX_RETRIES,
      timeout: fields.timeout ?? DEFAULT_TIMEOUT_MS,
      fetch: fields.fetch,
      sleep: fields.sleep,
      random: fields.random,
    });
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

  async #request(texts: string[], signal: AbortSignal | undefined): Promise<number[][]> {
    const input = this.stripNewLines ? texts.map((text) => text.replace(/\n/g, " ")) : texts;
    const request = {
      url: `${this.baseURL}/embeddings`,
      headers: this.#headers,
      body: {
        model: this.model,
        input,
        ...(this.dimensions === undefined ? {} : { dimensions: this.dimensions }),
        encoding_format: "float",
      },
      responseType: "json" as const,
    };
    // The decoder yields exactly once (or throws), so the loop ends with the vectors.
    let vectors: number[][] = [];
    for await (const batch of this.#transport.stream(request, signal, decodeOpenAIEmbeddings(input.length))) {
      vectors = batch;
    }
    return vectors;
  }
}
