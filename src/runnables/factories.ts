import type { RunnableConfig } from "../config/runnable-config.js";
import type { Runnable } from "./runnable.js";

/** Options of `withRetry`. */
export interface RetryOptions {
  /** Total attempts, the first included (default 3). */
  stopAfterAttempt?: number;
  /** Called after each failed attempt that will be retried. */
  onFailedAttempt?: (error: unknown, attempt: number) => void | Promise<void>;
  /** Which errors to retry (default: all but aborts, timeouts and input errors). */
  retryIf?: (error: unknown) => boolean;
  /** Delay before the first retry in ms (default 500); doubles each time, with jitter. */
  initialDelayMs?: number;
  /** Upper bound of one delay in ms (default 10,000). */
  maxDelayMs?: number;
  /** Randomise delays by up to ±50 % (default true). */
  jitter?: boolean;
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
}

let installed: RunnableFactories | undefined;

/** Called once by the package entry (`src/runnables/install.ts`). */
export function installFactories(factories: RunnableFactories): void {
  installed = factories;
}

/** The installed factories. */
export function factories(): RunnableFactories {
  if (installed === undefined) {
    throw new Error("rivulet: runnable factories are not installed; import from the package entry ('rivulet').");
  }
  return installed;
}
