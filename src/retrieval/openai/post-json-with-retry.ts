import { ProviderError } from "../../errors/provider-error.js";
import { abortErrorOf, combineSignals, throwIfAborted, timeoutSignal } from "../../internal/abort.js";
import { parseRetryAfter } from "./parse-retry-after.js";
import { providerErrorFromResponse } from "./provider-error-from-response.js";

/** How `postJsonWithRetry` talks to the network, retries and waits. */
export interface PostJsonOptions {
  provider: string;
  headers: Record<string, string>;
  fetch: typeof fetch;
  /** Waits between attempts; rejects when `signal` aborts. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Further attempts after the first (0 = no retry). */
  maxRetries: number;
  /** Per-attempt deadline in ms. */
  timeout?: number | undefined;
  signal?: AbortSignal | undefined;
  /** Jitter source in [0, 1) (a test seam). */
  random?: (() => number) | undefined;
}

type Attempt =
  | { ok: true; value: unknown }
  | { ok: false; error: Error; retryable: boolean; retryAfterMs?: number | undefined };

/** Exponential backoff from 500 ms, capped at 8 s, scaled by a random 50-100% (spreads out retry storms). */
function backoffMs(attempt: number, random: () => number): number {
  return Math.min(8000, 500 * 2 ** attempt) * (0.5 + 0.5 * random());
}

async function attemptOnce(url: string, body: string, options: PostJsonOptions): Promise<Attempt> {
  const deadline = options.timeout === undefined ? undefined : timeoutSignal(options.timeout);
  const signal = combineSignals(options.signal, deadline);
  try {
    const response = await options.fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...options.headers },
      body,
      ...(signal === undefined ? {} : { signal }),
    });
    const text = await response.text();
    if (!response.ok) {
      const error = providerErrorFromResponse(options.provider, response.status, text);
      return {
        ok: false,
        error,
        retryable: error.retryable,
        retryAfterMs: parseRetryAfter(response.headers),
      };
    }
    try {
      return { ok: true, value: JSON.parse(text) };
    } catch (cause) {
      const message = `${options.provider} API returned a response that is not JSON`;
      return {
        ok: false,
        error: new ProviderError(message, {
          provider: options.provider,
          status: response.status,
          retryable: false,
          cause,
        }),
        retryable: false,
      };
    }
  } catch (cause) {
    // The caller's cancellation ends everything; our own deadline and network failures are retried.
    throwIfAborted(options.signal);
    if (deadline?.aborted) return { ok: false, error: abortErrorOf(deadline), retryable: true };
    const message = `${options.provider} API request failed: ${cause instanceof Error ? cause.message : String(cause)}`;
    return {
      ok: false,
      error: new ProviderError(message, { provider: options.provider, retryable: true, cause }),
      retryable: true,
    };
  }
}

/**
 * POSTs a JSON body and resolves with the parsed JSON response, retrying with exponential
 * backoff and jitter on 408/409/429/5xx, per-attempt timeouts and network errors. A server's
 * `retry-after` (seconds or HTTP date) or `retry-after-ms` replaces the backoff. Fails with a
 * `ProviderError` (status, provider error type, `retryable`), a `TimeoutError` when every
 * attempt timed out, or the typed abort error when `signal` aborts.
 */
export async function postJsonWithRetry(
  url: string,
  payload: unknown,
  options: PostJsonOptions,
): Promise<unknown> {
  const body = JSON.stringify(payload);
  const random = options.random ?? Math.random;
  for (let attempt = 0; ; attempt++) {
    throwIfAborted(options.signal);
    const outcome = await attemptOnce(url, body, options);
    if (outcome.ok) return outcome.value;
    if (!outcome.retryable || attempt >= options.maxRetries) throw outcome.error;
    await options.sleep(outcome.retryAfterMs ?? backoffMs(attempt, random), options.signal);
  }
}
