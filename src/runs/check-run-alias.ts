import { InvalidInputError } from "../errors/input-errors.js";
import { checkRunId, checkStoreKey } from "./run-manager-options.js";
import type { RunStoreAliasClaim } from "./run-store.js";

/**
 * An alias (`RunStore.claimAlias`): it becomes a store key, so it follows the run id rule, 1 to
 * 128 letters, digits, `-`, `_`, `.` or `:`.
 */
export function checkRunAlias(alias: unknown): string {
  return checkStoreKey(alias, "An alias");
}

/** A whole claim checked: the alias, the run id it points at, `previous` and `ttlMs` (above 0, or Infinity). */
export function checkAliasClaim(
  alias: unknown,
  runId: unknown,
  options: RunStoreAliasClaim,
): { alias: string; runId: string; previous: string | undefined; ttlMs: number } {
  const previous = options?.previous === undefined ? undefined : checkRunId(options.previous);
  const ttlMs = options?.ttlMs;
  if (typeof ttlMs !== "number" || !(ttlMs > 0)) {
    throw new InvalidInputError(
      `An alias's ttlMs must be a number of milliseconds above 0 (or Infinity), got ${String(ttlMs)}.`,
    );
  }
  return { alias: checkRunAlias(alias), runId: checkRunId(runId), previous, ttlMs };
}
