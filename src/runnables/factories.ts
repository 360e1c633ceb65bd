import type { RunnableConfig } from "../config/runnable-config.js";
import type {
  EventFilters,
  RunLog,
  RunLogPatch,
  StreamEventsOptions,
  StreamLogOptions,
} from "../events/observation-types.js";
import type { IterableReadableStream } from "../streams/iterable-readable-stream.js";
import type { Runnable } from "./runnable.js";

/** Options of `withRetry`. */
export interface RetryOptions {
  /** Total attempts, the first included: a positive integer (default 3). */
  stopAfterAttempt?: number;
  /** Called after each failed attempt that will be retried. */
  onFailedAttempt?: (error: unknown, attempt: number) => void | Promise<void>;
  /** Which errors to retry (default: all but aborts, timeouts and input errors). */
  retryIf?: (error: unknown) => boolean;
  /**
   * Delay before the first retry in ms (default 500); doubles each time, with jitter. From 0 to
   * 2^31 - 1 (the longest timer).
   */
  initialDelayMs?: number;
  /**
   * Upper bound of one delay in ms, at least `initialDelayMs` (default 8,000, or
   * `initialDelayMs` if larger). At most 2^31 - 1, or `Infinity` for no cap other than the
   * longest timer.
   */
  maxDelayMs?: number;
  /**
   * Spread each delay between half and all of its step (true or false, default true), so
   * callers failing together do not retry together; the cap holds either way.
   */
  jitter?: boolean;
  /** Test seam: the jitter's random source, a number in [0, 1) (default `Math.random`). */
  random?: () => number;
  /** Test seam: how to wait. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Options of `withFallbacks`. */
export interface FallbackOptions {
  fallbacks: Runnable[];
  /** Which errors switch to the next runnable (default: all but aborts and timeouts). */
  handleIf?: (error: unknown) => boolean;
  name?: string;
}

/** Constructors that the base class needs but cannot import without an import cycle. */
export interface RunnableFactories {
  sequence(steps: Runnable[]): Runnable;
  coerce(value: unknown): Runnable;
  binding(bound: Runnable, config: RunnableConfig): Runnable;
  retry(bound: Runnable, options: RetryOptions): Runnable;
  fallbacks(primary: Runnable, options: FallbackOptions): Runnable;
  streamEvents(
    runnable: Runnable,
    input: unknown,
    options: StreamEventsOptions | undefined,
    filters: EventFilters | undefined,
  ): IterableReadableStream<unknown>;
  streamLog(
    runnable: Runnable,
    input: unknown,
    config: RunnableConfig | undefined,
    options: StreamLogOptions | undefined,
  ): AsyncGenerator<RunLogPatch | RunLog>;
}

let installed: Partial<RunnableFactories> = {};

/** Called by the package entries (`src/runnables/install.ts`, `src/events/install.ts`). */
export function installFactories(factories: Partial<RunnableFactories>): void {
  installed = { ...installed, ...factories };
}

/** The installed factories. */
export function factories(): RunnableFactories {
  if (
    installed.sequence === undefined ||
    installed.streamEvents === undefined ||
    installed.streamLog === undefined
  ) {
    throw new Error(
      "rivulet: runnable factories are not installed; import from the package entry ('rivulet').",
    );
  }
  return installed as RunnableFactories;
}
