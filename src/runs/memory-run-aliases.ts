import { checkAliasClaim, checkRunAlias } from "./check-run-alias.js";
import type { RunStore } from "./run-store.js";

interface MemoryAlias {
  runId: string;
  expiresAt: number;
}

// Expired aliases are swept when the map has doubled since the last sweep (at least this many):
// amortized O(1) per claim, and the map never holds more than twice the live aliases.
const FIRST_SWEEP_AT = 1024;

/**
 * The alias methods of `memoryRunStore`: a map of alias to run id with an expiry on the store's
 * clock. An expired alias is dropped when it is looked up, and by a sweep as the map grows, so
 * aliases nobody asks for again do not pile up.
 */
export function memoryRunAliases(clock: () => number): Pick<RunStore, "claimAlias" | "resolveAlias"> {
  const aliases = new Map<string, MemoryAlias>();
  let sweepAt = FIRST_SWEEP_AT;
  const lookup = (alias: string): MemoryAlias | undefined => {
    const entry = aliases.get(alias);
    if (entry !== undefined && clock() >= entry.expiresAt) {
      aliases.delete(alias);
      return undefined;
    }
    return entry;
  };
  const sweep = () => {
    const now = clock();
    for (const [alias, entry] of aliases) if (now >= entry.expiresAt) aliases.delete(alias);
    sweepAt = Math.max(FIRST_SWEEP_AT, aliases.size * 2);
  };
  return {
    async claimAlias(alias, runId, options) {
      const claim = checkAliasClaim(alias, runId, options);
      // No await between the compare and the set: two claims in one process cannot interleave.
      if (lookup(claim.alias)?.runId !== claim.previous) return false;
      aliases.set(claim.alias, { runId: claim.runId, expiresAt: clock() + claim.ttlMs });
      if (aliases.size >= sweepAt) sweep();
      return true;
    },
    async resolveAlias(alias) {
      return lookup(checkRunAlias(alias))?.runId;
    },
  };
}
