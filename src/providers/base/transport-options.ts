/** A `fetch` implementation: the global one, or a test double with the same signature. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** Waits `ms`, rejecting early when `signal` aborts (the `sleep` test seam). */
export type SleepLike = (ms: number, signal?: AbortSignal) => Promise<void>;

/**
 * HTTP options every provider model accepts: how to reach the server, how long to wait, how often
 * to retry, and the `fetch`/`sleep`/`random` seams that let tests replay a server without real
 * waiting. All durations are in milliseconds, above 0 and at most 2^31-1, or `Infinity` for no
 * deadline; the model's constructor rejects anything else (NaN, negative, too long) with an
 * `InvalidConfigError`.
 *
 * @example
 * new ChatOpenAI({ maxRetries: 4, timeout: 60_000, firstChunkTimeout: 10_000, idleTimeout: 15_000 });
 */
export interface ProviderTransportOptions {
  /** Extra headers sent with every request (merged over the provider's own). */
  headers?: Record<string, string> | undefined;
  /** Retries after the first attempt, for 408/409/429/5xx and network errors before the first chunk (default 2; a non-negative integer). */
  maxRetries?: number | undefined;
  /** Deadline for the whole call, retries and waits included (a `TimeoutError` of kind "total"). */
  timeout?: number | undefined;
  /** Deadline from sending the request to the first chunk (a `TimeoutError` of kind "first_chunk"). */
  firstChunkTimeout?: number | undefined;
  /** Longest silence between two chunks (a `TimeoutError` of kind "idle"). */
  idleTimeout?: number | undefined;
  /** Test seam: the `fetch` to use (default: the global one). */
  fetch?: FetchLike | undefined;
  /** Test seam: how to wait between retries (default: a timer). */
  sleep?: SleepLike | undefined;
  /** Test seam: a number in [0, 1) for the retry jitter (default `Math.random`). */
  random?: (() => number) | undefined;
}
