import { AbortError, TimeoutError } from "../../errors/abort-error.js";
import { ProviderError } from "../../errors/provider-error.js";
import { raceAbort } from "../../internal/abort.js";
import { backoffDelayMs, DEFAULT_BACKOFF } from "../../internal/backoff-policy.js";
import { checkNumberOption } from "../../internal/check-number-option.js";
import { sleep as timerSleep } from "../../internal/sleep.js";
import type { AIMessageChunk } from "../../messages/ai-message-chunk.js";
import { NdjsonParseError } from "../../sse/ndjson-parse-error.js";
import type { FetchLike, ProviderTransportOptions, SleepLike } from "../base/transport-options.js";
import { CallDeadlines } from "./call-deadlines.js";
import { acceptHeaderFor, checkResponseType, type ResponseType } from "./check-response-type.js";
import type { DescribeError } from "./describe-error-body.js";
import { makeProviderError, settleProviderError } from "./make-provider-error.js";
import { type HttpFailure, readHttpError } from "./read-http-error.js";
import { MAX_RETRY_AFTER_MS } from "./retry-policy.js";
import { serializeRequestBody } from "./serialize-request-body.js";

/** One request to a provider: where, with which headers, the JSON body, and what it expects back. */
export interface ProviderRequest {
  url: string;
  headers: Record<string, string>;
  body: unknown;
  /** The answer's format: sets the `accept` header, and a successful answer of another type is an error. */
  responseType: ResponseType;
}

/**
 * Turns a successful response into the items the caller reads: message chunks for a streamed
 * chat answer (the provider's wire format), or one parsed body for a plain JSON endpoint.
 */
export type ChunkDecoder<T = AIMessageChunk> = (response: Response) => AsyncIterable<T>;

/** What a transport needs to know about its provider. */
export interface ProviderTransportConfig extends ProviderTransportOptions {
  /** The provider's name, as errors report it (`"openai"`). */
  provider: string;
  /** Reads the provider's error payload. */
  describeError: DescribeError;
}

const DEFAULT_MAX_RETRIES = 2;

/** A request whose body is already JSON text. */
type SerializedRequest = Omit<ProviderRequest, "body"> & { body: string };

/** An attempt that failed in a way worth retrying, with the pause the server asked for. */
type RetryableFailure = HttpFailure;

/** How far an attempt got before it failed: the answer's status once it came, and whether items reached the caller. */
interface AttemptProgress {
  status: number | undefined;
  emitted: boolean;
}

/**
 * The HTTP client every provider call shares: POSTs a JSON request with the run's signal,
 * decodes the answer into items (chat chunks, or one parsed body), and owns the failure policy.
 * Failures before the first item (408/409/429/5xx, network errors, retryable error events) are
 * retried up to `maxRetries` times with exponential backoff and jitter, honouring `retry-after`;
 * once an item has been yielded nothing is retried, since the caller has already seen output.
 * The total, first-chunk and idle deadlines raise typed `TimeoutError`s, aborting closes the
 * connection at once, and every other failure is a `ProviderError`.
 */
export class ProviderTransport {
  readonly provider: string;
  readonly #config: ProviderTransportConfig;
  readonly #fetch: FetchLike;
  readonly #sleep: SleepLike;

  constructor(config: ProviderTransportConfig) {
    checkTransportOptions(config);
    this.provider = config.provider;
    this.#config = config;
    this.#fetch = config.fetch ?? ((input, init) => fetch(input, init));
    this.#sleep = config.sleep ?? timerSleep;
  }

  /** Streams the items of one call, retrying before the first item as the policy allows. */
  async *stream<T>(
    request: ProviderRequest,
    runSignal: AbortSignal | undefined,
    decode: ChunkDecoder<T>,
  ): AsyncGenerator<T, void, undefined> {
    // Serialised once, before the first attempt: a body JSON cannot carry fails here, unsent.
    const body = serializeRequestBody(request.body);
    const deadlines = new CallDeadlines(this.#config, runSignal);
    try {
      for (let attempt = 0; ; attempt++) {
        const failure = yield* this.#attempt({ ...request, body }, decode, deadlines);
        if (failure === undefined) return;
        const delay = this.#retryDelay(failure, attempt);
        if (delay === undefined) throw failure.error;
        try {
          await this.#sleep(delay, deadlines.callSignal);
        } catch (error) {
          throw deadlines.abortError() ?? error;
        }
      }
    } finally {
      deadlines.dispose();
    }
  }

  /** One attempt: yields its items; returns a failure worth retrying, throws any other. */
  async *#attempt<T>(
    request: SerializedRequest,
    decode: ChunkDecoder<T>,
    deadlines: CallDeadlines,
  ): AsyncGenerator<T, RetryableFailure | undefined, undefined> {
    const signal = deadlines.beginAttempt();
    const progress: AttemptProgress = { status: undefined, emitted: false };
    try {
      const response = await raceAbort(this.#send(request, signal), signal);
      progress.status = response.status;
      const context = { provider: this.provider, describe: this.#config.describeError, signal };
      if (!response.ok) return this.#retryableOrThrow(await readHttpError(response, context));
      const checked = await checkResponseType(response, request.responseType, context);
      const iterator = decode(checked)[Symbol.asyncIterator]();
      try {
        for (;;) {
          deadlines.awaitingChunk();
          const next = await raceAbort(iterator.next(), signal);
          deadlines.chunkArrived();
          if (next.done === true) return undefined;
          progress.emitted = true;
          yield next.value;
        }
      } finally {
        // Close the connection before asking the decoder to stop, so a read stuck on a silent
        // server settles instead of holding `return()` up.
        deadlines.endAttempt();
        Promise.resolve(iterator.return?.()).catch(() => {});
      }
    } catch (error) {
      return this.#retryableOrThrow({
        error: this.#classify(error, deadlines, progress),
        retryAfterMs: undefined,
      });
    } finally {
      deadlines.endAttempt();
    }
  }

  #send(request: SerializedRequest, signal: AbortSignal): Promise<Response> {
    return this.#fetch(request.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: acceptHeaderFor(request.responseType),
        ...request.headers,
        ...this.#config.headers,
      },
      body: request.body,
      signal,
    });
  }

  #retryableOrThrow(failure: HttpFailure): RetryableFailure {
    if (!failure.error.retryable) throw failure.error;
    return failure;
  }

  /**
   * The typed error for a failed attempt: an abort or timeout as such, anything else a
   * ProviderError with the answer's status when there was one.
   */
  #classify(error: unknown, deadlines: CallDeadlines, progress: AttemptProgress): ProviderError {
    const aborted = deadlines.abortError();
    // A typed abort or timeout built on the way (one carrying the server's words as its cause) wins.
    if (aborted !== undefined)
      throw TimeoutError.isInstance(error) || AbortError.isInstance(error) ? error : aborted;
    if (ProviderError.isInstance(error)) return settleProviderError(error, progress);
    const { status, emitted } = progress;
    if (NdjsonParseError.isInstance(error) || error instanceof SyntaxError) {
      return makeProviderError(`${this.provider} sent a response Rivulet cannot read: ${error.message}`, {
        provider: this.provider,
        status,
        providerErrorType: "invalid_response",
        retryable: false,
        cause: error,
      });
    }
    return makeProviderError(this.#connectionMessage(describeNetworkError(error), progress), {
      provider: this.provider,
      status,
      providerErrorType: "connection",
      retryable: !emitted,
      cause: error,
    });
  }

  #connectionMessage(reason: string, progress: AttemptProgress): string {
    if (progress.emitted) return `The connection to ${this.provider} was lost mid-stream: ${reason}`;
    if (progress.status !== undefined) {
      return `The connection to ${this.provider} was lost before the first chunk (HTTP ${progress.status}): ${reason}`;
    }
    return `Could not reach ${this.provider}: ${reason}`;
  }

  #retryDelay(failure: RetryableFailure, attempt: number): number | undefined {
    if (attempt >= (this.#config.maxRetries ?? DEFAULT_MAX_RETRIES)) return undefined;
    const asked = failure.retryAfterMs;
    if (asked !== undefined) return asked <= MAX_RETRY_AFTER_MS ? asked : undefined;
    return backoffDelayMs({ ...DEFAULT_BACKOFF, random: this.#config.random ?? Math.random }, attempt + 1);
  }
}

/**
 * Checks the transport's numbers when the model is built: a `maxRetries` of NaN retried forever,
 * and a deadline above 2^31-1 ms fired after 1 ms. `Infinity` is "no deadline".
 */
function checkTransportOptions(options: ProviderTransportOptions): void {
  checkNumberOption("maxRetries", options.maxRetries, "non-negative-integer");
  checkNumberOption("timeout", options.timeout, "duration");
  checkNumberOption("firstChunkTimeout", options.firstChunkTimeout, "duration");
  checkNumberOption("idleTimeout", options.idleTimeout, "duration");
}

/** A readable reason for a network failure (undici hides the useful part in `cause`). */
function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause: unknown = error.cause;
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return `${error.message} (${typeof code === "string" ? `${code}: ` : ""}${cause.message})`;
  }
  return error.message;
}
