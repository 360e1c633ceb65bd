import { InvalidConfigError } from "../errors/input-errors.js";

/**
 * How long to wait between attempts: exponential backoff from `initialDelayMs`, capped at
 * `maxDelayMs`, with optional jitter. `withRetry` and the provider transport both use it, so a
 * model retried by either waits the same way.
 */
export interface BackoffPolicy {
  /** The step before the first retry, in ms; each further retry doubles it. */
  readonly initialDelayMs: number;
  /** The largest step, in ms. A jittered delay never exceeds it. */
  readonly maxDelayMs: number;
  /** Spread each delay between half and all of its step, so clients failing together do not retry together. */
  readonly jitter: boolean;
  /** A number from 0 to 1: the jitter's random source (a test seam; `Math.random` by default). Anything else is an `InvalidConfigError` when drawn. */
  readonly random: () => number;
}

/** The defaults both retry paths start from: 500 ms, doubling, at most 8 s, jittered. */
export const DEFAULT_BACKOFF: BackoffPolicy = {
  initialDelayMs: 500,
  maxDelayMs: 8_000,
  jitter: true,
  random: Math.random,
};

/**
 * The pause before retry number `retry` (1 for the first retry). Without jitter it is the step
 * itself (`initialDelayMs * 2^(retry - 1)`, capped); with jitter a value between half the step
 * and the step ("equal jitter"), so the cap holds and no client retries at once.
 *
 * @example
 * backoffDelayMs({ ...DEFAULT_BACKOFF, jitter: false }, 3); // 2000
 */
export function backoffDelayMs(policy: BackoffPolicy, retry: number): number {
  // 0 * 2^n is NaN once 2^n overflows (retry > 1024): no delay stays no delay.
  if (policy.initialDelayMs === 0) return 0;
  const step = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** (retry - 1));
  if (!policy.jitter) return step;
  return Math.round(step * (0.5 + 0.5 * drawRandom(policy.random)));
}

/**
 * One draw from the user's `random` seam, checked: NaN would make the delay NaN (no wait at all,
 * a tight retry loop), a value above 1 would exceed the cap, a negative one the floor.
 */
function drawRandom(random: () => number): number {
  if (typeof random !== "function") {
    throw new InvalidConfigError(
      `random must be a function returning a number from 0 to 1, got ${typeof random}`,
    );
  }
  const value: unknown = random();
  if (typeof value !== "number" || !(value >= 0 && value <= 1)) {
    const got = typeof value === "number" ? String(value) : typeof value;
    throw new InvalidConfigError(
      `random must return a number from 0 to 1 (like Math.random), got ${got}: fix the random option's function`,
    );
  }
  return value;
}
