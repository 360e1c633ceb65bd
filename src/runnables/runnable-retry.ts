import { continueStream } from "../engine/continue-stream.js";
import { invokeWithRun } from "../engine/invoke-with-run.js";
import type { RunScope } from "../engine/run-scope.js";
import type { RunnableShape } from "../engine/runnable-shape.js";
import { startStream } from "../engine/start-stream.js";
import { streamWithRun } from "../engine/stream-with-run.js";
import { isAbortError } from "../errors/abort-error.js";
import { ERROR_STATUS } from "../errors/error-status.js";
import { InvalidConfigError } from "../errors/input-errors.js";
import { RivuletError } from "../errors/rivulet-error.js";
import { type BackoffPolicy, backoffDelayMs, DEFAULT_BACKOFF } from "../internal/backoff-policy.js";
import { checkNumberOption, MAX_TIMER_DELAY_MS } from "../internal/check-number-option.js";
import { sleep as timerSleep } from "../internal/sleep.js";
import type { RunnableSchema } from "../schema/runnable-schema.js";
import type { Aggregator } from "../streams/aggregator.js";
import type { RetryOptions } from "./factories.js";
import { Runnable } from "./runnable.js";

/**
 * Errors that retrying cannot fix: cancellations, the caller's own bad input, and the other codes
 * the error table marks as not retryable. An error's own boolean `retryable` (a provider's rate
 * limit or 5xx) decides first.
 */
function defaultRetryIf(error: unknown): boolean {
  if (isAbortError(error)) return false;
  if (RivuletError.isInstance(error)) {
    const retryable = "retryable" in error ? error.retryable : undefined;
    if (typeof retryable === "boolean") return retryable;
    // A code from a newer copy of the package is not in this table: retried, like any error.
    return Object.hasOwn(ERROR_STATUS, error.code) ? ERROR_STATUS[error.code].retryable : true;
  }
  return true;
}

interface ResolvedRetryOptions<I> {
  readonly stopAfterAttempt: number;
  readonly retryIf: (error: unknown) => boolean;
  readonly backoff: BackoffPolicy;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly onFailedAttempt?: RetryOptions<I>["onFailedAttempt"];
}

/** Throws unless `value` is undefined or a function (an untyped caller can pass anything). */
function checkFunction(name: string, value: unknown): void {
  if (value !== undefined && typeof value !== "function") {
    throw new InvalidConfigError(`${name} must be a function, got ${typeof value} ${String(value)}`);
  }
}

/**
 * Checks every option at `withRetry` (a NaN `stopAfterAttempt` retried forever) and fills in the
 * defaults. The default `maxDelayMs` grows to `initialDelayMs` rather than silently capping it.
 */
function resolveRetryOptions<I>(options: RetryOptions<I>): ResolvedRetryOptions<I> {
  const stopAfterAttempt = checkNumberOption(
    "stopAfterAttempt",
    options.stopAfterAttempt,
    "positive-integer",
  );
  const initialDelayMs =
    checkNumberOption("initialDelayMs", options.initialDelayMs, "non-negative-duration") ??
    DEFAULT_BACKOFF.initialDelayMs;
  if (initialDelayMs === Number.POSITIVE_INFINITY) {
    throw new InvalidConfigError(
      "initialDelayMs must be finite: Infinity would never retry; to not retry, use stopAfterAttempt: 1",
    );
  }
  const maxDelayMs =
    checkNumberOption("maxDelayMs", options.maxDelayMs, "non-negative-duration") ??
    Math.max(DEFAULT_BACKOFF.maxDelayMs, initialDelayMs);
  if (maxDelayMs < initialDelayMs) {
    throw new InvalidConfigError(
      `maxDelayMs (${maxDelayMs}) must be at least initialDelayMs (${initialDelayMs}): raise maxDelayMs or lower initialDelayMs`,
    );
  }
  if (options.jitter !== undefined && typeof options.jitter !== "boolean") {
    throw new InvalidConfigError(
      `jitter must be true or false, got ${typeof options.jitter} ${String(options.jitter)}`,
    );
  }
  checkFunction("retryIf", options.retryIf);
  checkFunction("onFailedAttempt", options.onFailedAttempt);
  checkFunction("sleep", options.sleep);
  checkFunction("random", options.random);
  return {
    stopAfterAttempt: stopAfterAttempt ?? 3,
    retryIf: options.retryIf ?? defaultRetryIf,
    backoff: {
      initialDelayMs,
      // Infinity is "no cap but the longest timer".
      maxDelayMs: Math.min(maxDelayMs, MAX_TIMER_DELAY_MS),
      jitter: options.jitter ?? DEFAULT_BACKOFF.jitter,
      random: options.random ?? DEFAULT_BACKOFF.random,
    },
    sleep: options.sleep ?? timerSleep,
    ...(options.onFailedAttempt ? { onFailedAttempt: options.onFailedAttempt } : {}),
  };
}

/**
 * Retries the wrapped runnable (`withRetry`). Attempt N runs as a child with the tag
 * `retry:attempt:N`, after an exponential, jittered delay (the same backoff as the provider transport's). Under streaming an attempt is retried
 * only if it fails before its first chunk: after that the chunks are out and a retry would
 * repeat them.
 *
 * @example
 * const robust = model.withRetry({ stopAfterAttempt: 4 });
 */
export class RunnableRetry<I = unknown, O = unknown, C = O> extends Runnable<I, O, C> {
  readonly bound: Runnable<I, O, C>;
  readonly options: ResolvedRetryOptions<I>;
  override readonly shape: RunnableShape = { input: "whole", output: "chunks" };

  constructor(bound: Runnable<I, O, C>, options: RetryOptions<I> = {}) {
    super();
    this.bound = bound;
    this.options = resolveRetryOptions(options);
  }

  override getName(suffix?: string): string {
    return this.name ?? this.bound.getName(suffix);
  }

  /** The wrapped runnable's input schema. */
  override getInputSchema(): RunnableSchema | undefined {
    return this.bound.getInputSchema();
  }

  /** The wrapped runnable's output schema. */
  override getOutputSchema(): RunnableSchema | undefined {
    return this.bound.getOutputSchema();
  }

  override createAggregator(): Aggregator<C, O> {
    return this.bound.createAggregator();
  }

  /** Decides whether attempt `attempt` may be followed by another, and waits if so. */
  async #afterFailure(error: unknown, input: I, attempt: number, scope: RunScope): Promise<void> {
    const options = this.options;
    if (attempt >= options.stopAfterAttempt || !options.retryIf(error)) throw error;
    await options.onFailedAttempt?.(error, input, attempt);
    const delay = backoffDelayMs(options.backoff, attempt);
    if (delay > 0) await options.sleep(delay, scope.signal);
  }

  override async _invoke(input: I, scope: RunScope): Promise<O> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await invokeWithRun(this.bound, input, scope.childConfig(`retry:attempt:${attempt}`));
      } catch (error) {
        await this.#afterFailure(error, input, attempt, scope);
      }
    }
  }

  override async *_stream(input: I, scope: RunScope): AsyncIterable<C> {
    for (let attempt = 1; ; attempt++) {
      const stream = streamWithRun(
        this.bound,
        { value: input },
        scope.childConfig(`retry:attempt:${attempt}`),
      );
      const start = await startStream(stream);
      if (!start.ok) {
        await this.#afterFailure(start.error, input, attempt, scope);
        continue;
      }
      yield* continueStream(start.first, stream);
      return;
    }
  }
}
