import { InvalidConfigError, InvalidInputError } from "../errors/input-errors.js";
import { checkNumberOption } from "../internal/check-number-option.js";
import type { RunStore } from "./run-store.js";

/**
 * Starts calling `tick` every `intervalMs` and returns the function that stops it: the seam the
 * owner's lease renewals go through (a test passes one that ticks by hand, or never).
 */
export type RunTimerScheduler = (tick: () => void, intervalMs: number) => () => void;

/** Options of `createRunManager`. */
export interface RunManagerOptions {
  /** Where runs live; every manager on the same store sees the same runs. */
  store: RunStore;
  /** How long an ended run stays readable (default one hour). */
  ttlMs?: number | undefined;
  /**
   * How long the owner's lease lasts (default 30 s). The owner renews it every third of that;
   * readers end with `run_lost` once it has lapsed.
   */
  leaseMs?: number | undefined;
  /** How often an idle reader checks the lease (default a third of `leaseMs`). */
  idleMs?: number | undefined;
  /** Test seam: milliseconds since the epoch (default `Date.now`), for `createdAt`. */
  clock?: (() => number) | undefined;
  /** Test seam for run ids (default `crypto.randomUUID`, so ids cannot be guessed). */
  generateId?: (() => string) | undefined;
  /** Test seam replacing `setInterval` for lease renewals. */
  schedule?: RunTimerScheduler | undefined;
}

/** The options after checking. */
export interface ResolvedRunManagerOptions {
  readonly store: RunStore;
  readonly ttlMs: number;
  readonly leaseMs: number;
  readonly idleMs: number;
  readonly clock: () => number;
  readonly generateId: () => string;
  readonly schedule: RunTimerScheduler;
}

const intervalScheduler: RunTimerScheduler = (tick, intervalMs) => {
  const timer = setInterval(tick, intervalMs);
  return () => clearInterval(timer);
};

const HOUR_MS = 3_600_000;

/** Checks every option once, when the manager is built. */
export function resolveRunManagerOptions(options: RunManagerOptions): ResolvedRunManagerOptions {
  if (typeof options !== "object" || options === null || typeof options.store?.read !== "function") {
    throw new InvalidConfigError("createRunManager: `store` must be a RunStore (memoryRunStore(), say).");
  }
  for (const name of ["clock", "generateId", "schedule"] as const) {
    if (options[name] !== undefined && typeof options[name] !== "function") {
      throw new InvalidConfigError(`createRunManager: \`${name}\` must be a function.`);
    }
  }
  const leaseMs = checkNumberOption("leaseMs", options.leaseMs, "duration") ?? 30_000;
  if (leaseMs === Number.POSITIVE_INFINITY) {
    throw new InvalidConfigError(
      "createRunManager: `leaseMs` must be finite, or a dead owner is never noticed.",
    );
  }
  return {
    store: options.store,
    ttlMs: checkNumberOption("ttlMs", options.ttlMs, "duration") ?? HOUR_MS,
    leaseMs,
    idleMs: checkNumberOption("idleMs", options.idleMs, "duration") ?? Math.max(1, Math.floor(leaseMs / 3)),
    clock: options.clock ?? Date.now,
    generateId: options.generateId ?? (() => crypto.randomUUID()),
    schedule: options.schedule ?? intervalScheduler,
  };
}

/**
 * A name that goes into store keys, URLs and SSE ids (a run id, an alias, a chat id): 1 to 128
 * letters, digits, `-`, `_`, `.` or `:`. `what` starts the error message ("A run id"), `hint`
 * follows the rule in it.
 */
export function checkStoreKey(value: unknown, what: string, hint = ""): string {
  if (typeof value !== "string" || !/^[\w.:-]{1,128}$/.test(value)) {
    throw new InvalidInputError(
      `${what} must be 1 to 128 letters, digits, "-", "_", "." or ":"${hint}, got ${JSON.stringify(value)}.`,
    );
  }
  return value;
}

/** A client-chosen run id (see {@link checkStoreKey}). */
export function checkRunId(runId: unknown): string {
  return checkStoreKey(runId, "A run id");
}

/** A resume cursor: the last event id a reader saw, a non-negative integer (0: from the start). */
export function checkCursor(after: unknown): number {
  if (after === undefined) return 0;
  if (typeof after !== "number" || !Number.isSafeInteger(after) || after < 0) {
    throw new InvalidInputError(
      `A resume cursor must be the last event id seen, a non-negative integer, got ${JSON.stringify(after)}.`,
    );
  }
  return after;
}
