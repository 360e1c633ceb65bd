import { InvalidConfigError } from "../errors/input-errors.js";
import { checkNumberOption } from "../internal/check-number-option.js";

/**
 * Starts calling `tick` every `intervalMs` and returns the function that stops it: the seam the
 * server's heartbeats go through (a test passes one that ticks by hand).
 */
export type HeartbeatScheduler = (tick: () => void, intervalMs: number) => () => void;

/** How an SSE response keeps the connection alive and notices a client that is gone. */
export interface HeartbeatOptions {
  /** Milliseconds between two `: ping` comments (default 15000); `Infinity` sends none. */
  intervalMs?: number | undefined;
  /** Test seam replacing `setInterval`. */
  schedule?: HeartbeatScheduler | undefined;
}

/** The heartbeat settings after checking: `undefined` when heartbeats are off. */
export interface ResolvedHeartbeat {
  readonly intervalMs: number;
  readonly schedule: HeartbeatScheduler;
}

const intervalScheduler: HeartbeatScheduler = (tick, intervalMs) => {
  const timer = setInterval(tick, intervalMs);
  return () => clearInterval(timer);
};

/** Checks the `heartbeat` option of `serve` (`false` turns heartbeats off). */
export function resolveHeartbeat(
  option: HeartbeatOptions | false | undefined,
): ResolvedHeartbeat | undefined {
  if (option === false) return undefined;
  if (option !== undefined && (typeof option !== "object" || option === null)) {
    throw new InvalidConfigError("serve: `heartbeat` must be an object ({ intervalMs, schedule }) or false.");
  }
  const intervalMs = checkNumberOption("heartbeat.intervalMs", option?.intervalMs, "duration") ?? 15_000;
  if (intervalMs === Number.POSITIVE_INFINITY) return undefined;
  return { intervalMs, schedule: option?.schedule ?? intervalScheduler };
}
