import { sleep as realSleep } from "../internal/sleep.js";

/** How fakes wait between chunks: a real timer by default, or a test seam. */
export type DelayFn = (ms: number, signal?: AbortSignal) => Promise<void>;

/** Options shared by the fake models. */
export interface FakeTimingOptions {
  /**
   * Milliseconds between chunks, from 0 to 2^31 - 1 (default 0: no waiting at all), or
   * `Infinity`: never answer until the call is cancelled (to test timeouts and aborts).
   */
  sleep?: number | undefined;
  /** Test seam replacing the timer. */
  delay?: DelayFn | undefined;
}

/**
 * Waits between two chunks, as configured. Returns undefined when there is nothing to wait for,
 * so a fake with no delay adds no promise per chunk: `const p = pause(...); if (p) await p;`.
 */
export function pause(
  options: FakeTimingOptions,
  signal: AbortSignal | undefined,
): Promise<void> | undefined {
  const ms = options.sleep ?? 0;
  if (ms <= 0) return undefined;
  return (options.delay ?? realSleep)(ms, signal);
}
