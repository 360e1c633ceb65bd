import type { RunnableConfig } from "../config/runnable-config.js";
import type {
  EventFilters,
  RunLog,
  RunLogPatch,
  StreamEventsOptions,
  StreamLogOptions,
} from "../events/observation-types.js";
import type { IterableReadableStream } from "../streams/iterable-readable-stream.js";
import type { AsToolFields, AsToolSchema } from "../tools/runnable-tool-like.js";
import type { RunListeners } from "./run-listeners.js";
import type { Runnable } from "./runnable.js";
import type { RunnableTypes } from "./runnable-types.js";

/** Options of `withRetry`. */
export interface RetryOptions<I = unknown> {
  /** Total attempts, the first included: a positive integer (default 3). */
  stopAfterAttempt?: number;
  /**
   * Called after each failed attempt that will be retried, with the error and the input (as
   * `@langchain/core` calls it), then the attempt's number (1 for the first).
   */
  onFailedAttempt?: (error: unknown, input: I, attempt: number) => void | Promise<void>;
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

/** Options of `withFallbacks`: the runnables to try after the primary one, which take and give the same types. */
export interface FallbackOptions<I = unknown, O = unknown, C = O> {
  fallbacks: Runnable<I, O, C>[];
  /** Which errors switch to the next runnable (default: all but aborts and timeouts). */
  handleIf?: (error: unknown) => boolean;
  name?: string;
}

/**
 * Constructors that the base class needs but cannot import without an import cycle. Each keeps
 * the types of the runnables it wraps, so `Runnable`'s methods return what they build as is.
 */
export interface RunnableFactories {
  /** A sequence of `first` then `next` (unnamed sequences are spliced in): `pipe`. */
  sequence<I>(first: Runnable<I, unknown, unknown>, next: Runnable): Runnable<I, unknown, unknown>;
  coerce(value: unknown): Runnable;
  binding<I, O, C>(bound: Runnable<I, O, C>, config: RunnableConfig): Runnable<I, O, C>;
  /** A binding with its own schemas, typed as the caller says (`withTypes`). */
  typed<I, O, C>(bound: Runnable<never, unknown, unknown>, types: RunnableTypes): Runnable<I, O, C>;
  retry<I, O, C>(bound: Runnable<I, O, C>, options: RetryOptions<I>): Runnable<I, O, C>;
  fallbacks<I, O, C>(primary: Runnable<I, O, C>, options: FallbackOptions<I, O, C>): Runnable<I, O, C>;
  /** A step that adds the outputs of `mapping` to its object input (`RunnablePassthrough.assign`). */
  assign(mapping: Record<string, unknown>): Runnable;
  /** A step that keeps some keys of its object input (`RunnablePassthrough.pick`). */
  pick(keys: string | readonly string[]): Runnable;
  /** `bound` applied to each element of an array (`RunnableEach`). */
  each<I, O>(bound: Runnable<I, O, unknown>): Runnable<I[], O[], O[]>;
  withListeners<I, O, C>(bound: Runnable<I, O, C>, listeners: RunListeners): Runnable<I, O, C>;
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

/**
 * Factories of layers above the runnables that only some programs load (`asTool` lives with the
 * tools): looked up when called, so a program that never calls them need not install them.
 */
export interface OptionalFactories {
  asTool(runnable: Runnable, fields: AsToolFields<AsToolSchema<unknown>>): Runnable;
}

let installed: Partial<RunnableFactories & OptionalFactories> = {};
/** The installed factories once all of them are there (built at the first call after an install). */
let complete: RunnableFactories | undefined;

/** Called by the package entries (`src/runnables/install.ts`, `src/events/install.ts`). */
export function installFactories(factories: Partial<RunnableFactories & OptionalFactories>): void {
  installed = { ...installed, ...factories };
  complete = undefined;
}

/** The installed factories. */
export function factories(): RunnableFactories {
  return complete ?? completeFactories();
}

/** One optional factory; an `Error` naming the module to import when it is not installed. */
export function optionalFactory<K extends keyof OptionalFactories>(
  name: K,
  entry: string,
): OptionalFactories[K] {
  const factory = installed[name];
  if (factory === undefined) {
    throw new Error(
      `rivulet: ${name} is not installed; import from the package entry ('rivulet') or ${entry}.`,
    );
  }
  return factory;
}

function completeFactories(): RunnableFactories {
  const { sequence, coerce, binding, typed, retry, fallbacks, assign, pick, each, withListeners } = installed;
  const { streamEvents, streamLog } = installed;
  if (
    sequence === undefined ||
    coerce === undefined ||
    binding === undefined ||
    typed === undefined ||
    retry === undefined ||
    fallbacks === undefined ||
    assign === undefined ||
    pick === undefined ||
    each === undefined ||
    withListeners === undefined ||
    streamEvents === undefined ||
    streamLog === undefined
  ) {
    throw new Error(
      "rivulet: runnable factories are not installed; import from the package entry ('rivulet').",
    );
  }
  complete = {
    sequence,
    coerce,
    binding,
    typed,
    retry,
    fallbacks,
    assign,
    pick,
    each,
    withListeners,
    streamEvents,
    streamLog,
  };
  return complete;
}
