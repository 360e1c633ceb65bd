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
  /** A number in [0, 1): the jitter's random source (a test seam; `Math.random` by default). */
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
  const step = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** (retry - 1));
  if (!policy.jitter) return step;
  return Math.round(step * (0.5 + 0.5 * policy.random()));
}
