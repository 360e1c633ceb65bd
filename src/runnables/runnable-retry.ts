import { isAbortError } from "../errors/abort-error.js";
import { RivuletError } from "../errors/rivulet-error.js";
import type { Aggregator } from "../streams/aggregator.js";
import type { RetryOptions } from "./factories.js";
import { invokeWithRun, streamWithRun } from "./run-driver.js";
import type { RunScope } from "./run-scope.js";
import { Runnable } from "./runnable.js";
import { sleep as realSleep } from "./sleep.js";
import { continueStream, startStream } from "./stream-after-first-chunk.js";

/** Errors that retrying cannot fix: cancellations and the caller's own bad input. */
function defaultRetryIf(error: unknown): boolean {
  if (isAbortError(error)) return false;
  if (RivuletError.isInstance(error)) {
    const retryable = (error as { retryable?: unknown }).retryable;
    if (typeof retryable === "boolean") return retryable;
    return !["invalid_input", "invalid_config", "prompt_input", "tool_input", "missing_api_key"].includes(
      error.code,
    );
  }
  return true;
}

/**
 * Retries the wrapped runnable (`withRetry`). Attempt N runs as a child with the tag
 * `retry:attempt:N`, after an exponential, jittered delay. Under streaming an attempt is retried
 * only if it fails before its first chunk: after that the chunks are out and a retry would
 * repeat them.
 *
 * @example
 * const robust = model.withRetry({ stopAfterAttempt: 4 });
 */
export class RunnableRetry<I = unknown, O = unknown, C = O> extends Runnable<I, O, C> {
  readonly bound: Runnable<I, O, C>;
  readonly options: Required<Omit<RetryOptions, "onFailedAttempt">> & Pick<RetryOptions, "onFailedAttempt">;
  override readonly streamsOutput = true;

  constructor(bound: Runnable<I, O, C>, options: RetryOptions = {}) {
    super();
    this.bound = bound;
    this.options = {
      stopAfterAttempt: options.stopAfterAttempt ?? 3,
      retryIf: options.retryIf ?? defaultRetryIf,
      initialDelayMs: options.initialDelayMs ?? 500,
      maxDelayMs: options.maxDelayMs ?? 10_000,
      jitter: options.jitter ?? true,
      sleep: options.sleep ?? realSleep,
      ...(options.onFailedAttempt ? { onFailedAttempt: options.onFailedAttempt } : {}),
    };
  }

  override getName(suffix?: string): string {
    return this.name ?? this.bound.getName(suffix);
  }

  override createAggregator(): Aggregator<C, O> {
    return this.bound.createAggregator();
  }

  /** Decides whether attempt `attempt` may be followed by another, and waits if so. */
  async #afterFailure(error: unknown, attempt: number, scope: RunScope): Promise<void> {
    const o = this.options;
    if (attempt >= o.stopAfterAttempt || !o.retryIf(error)) throw error;
    await o.onFailedAttempt?.(error, attempt);
    const base = Math.min(o.maxDelayMs, o.initialDelayMs * 2 ** (attempt - 1));
    const delay = o.jitter ? base * (0.5 + Math.random()) : base;
    if (delay > 0) await o.sleep(Math.min(delay, o.maxDelayMs), scope.signal);
  }

  override async _invoke(input: I, scope: RunScope): Promise<O> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await invokeWithRun(this.bound, input, scope.childConfig(`retry:attempt:${attempt}`));
      } catch (error) {
        await this.#afterFailure(error, attempt, scope);
      }
    }
  }

  override async *_stream(input: I, scope: RunScope): AsyncIterable<C> {
    for (let attempt = 1; ; attempt++) {
      const stream = streamWithRun(
        this.bound,
        { value: input },
        scope.childConfig(`retry:attempt:${attempt}`),
        false,
      );
      const start = await startStream(stream);
      if (!start.ok) {
        await this.#afterFailure(start.error, attempt, scope);
        continue;
      }
      yield* continueStream(start.first, stream);
      return;
    }
  }
}
