import { checkNumberOption } from "../internal/check-number-option.js";
import { sleep } from "../internal/sleep.js";

/** Waits `ms` or rejects when `signal` aborts: the seam for the backoff between reconnects. */
export type RemoteDelay = (ms: number, signal?: AbortSignal) => Promise<void>;

/**
 * How `RemoteRunnable.streamRun` reconnects to a durable run after a dropped connection, an idle
 * stream (no byte, not even a heartbeat, for `idleTimeout`) or a 5xx: it waits an exponential
 * backoff with jitter (half the step fixed, half random: `initialDelay`, then doubled up to
 * `maxDelay`) and resumes with `Last-Event-ID`. `maxAttempts` connections in a row that bring no
 * new entry end the stream with a `RemoteRunnableError`; any new entry resets the count.
 *
 * @example
 * new RemoteRunnable({ url, reconnect: { maxAttempts: 8, initialDelay: 250, maxDelay: 10_000 } });
 */
export interface RemoteReconnectOptions {
  /** Connections in a row without a new entry before giving up (default 5). */
  maxAttempts?: number | undefined;
  /** Milliseconds of the first backoff step (default 500). */
  initialDelay?: number | undefined;
  /** The largest backoff step in milliseconds (default 30,000). */
  maxDelay?: number | undefined;
  /** The wait between attempts (a test seam; default a timer). */
  delay?: RemoteDelay | undefined;
  /** A number in `[0, 1)` for the jitter (a test seam; default `Math.random`). */
  random?: (() => number) | undefined;
}

/** The reconnect options with defaults filled in and checked. */
export interface ResolvedReconnectOptions {
  readonly maxAttempts: number;
  readonly initialDelay: number;
  readonly maxDelay: number;
  readonly delay: RemoteDelay;
  readonly random: () => number;
}

/** Checks the reconnect options at construction. */
export function resolveReconnectOptions(options: RemoteReconnectOptions = {}): ResolvedReconnectOptions {
  return {
    maxAttempts:
      checkNumberOption("RemoteRunnable reconnect.maxAttempts", options.maxAttempts, "positive-integer") ?? 5,
    initialDelay:
      checkNumberOption(
        "RemoteRunnable reconnect.initialDelay",
        options.initialDelay,
        "non-negative-number",
      ) ?? 500,
    maxDelay:
      checkNumberOption("RemoteRunnable reconnect.maxDelay", options.maxDelay, "non-negative-number") ??
      30_000,
    delay: options.delay ?? sleep,
    random: options.random ?? Math.random,
  };
}

/** The wait before reconnect number `failures` (1 after the first failure): half fixed, half jitter. */
export function backoffDelay(options: ResolvedReconnectOptions, failures: number): number {
  const step = Math.min(options.maxDelay, options.initialDelay * 2 ** (failures - 1));
  return step / 2 + (options.random() * step) / 2;
}
