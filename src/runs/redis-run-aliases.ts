import { checkAliasClaim, checkRunAlias } from "./check-run-alias.js";
import type { RedisCommandSender } from "./redis-commands.js";
import type { RunStore } from "./run-store.js";

/**
 * KEYS: the alias key. ARGV: run id, previous run id ('' for absent), ttlMs ('' for none).
 * One atomic compare-and-set: 1 when the alias now points at the run id, 0 when it pointed
 * elsewhere (an expired key reads as absent, as GET answers nil for it).
 */
const CLAIM_ALIAS_SCRIPT = `
local current = redis.call('GET', KEYS[1])
if current == false then current = '' end
if current ~= ARGV[2] then return 0 end
if ARGV[3] == '' then redis.call('SET', KEYS[1], ARGV[1]) else redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3]) end
return 1`;

/** The key of `alias` under `prefix`: `<prefix>alias:{<alias>}`, hash-tagged on the alias. */
export function redisAliasKey(prefix: string, alias: string): string {
  return `${prefix}alias:{${alias}}`;
}

/**
 * The alias methods of `redisRunStore`: one string key per alias holding the run id, with a PX
 * expiry; the claim is one Lua script, so it is atomic across every instance on the Redis.
 */
export function redisRunAliases(
  commands: RedisCommandSender,
  prefix: string,
): Pick<RunStore, "claimAlias" | "resolveAlias"> {
  return {
    async claimAlias(alias, runId, options) {
      const claim = checkAliasClaim(alias, runId, options);
      // Whole milliseconds, at least 1 (PX takes an integer; 0 is an error).
      const ttl = Number.isFinite(claim.ttlMs) ? String(Math.max(1, Math.ceil(claim.ttlMs))) : "";
      const key = redisAliasKey(prefix, claim.alias);
      const reply = await commands.send([
        "EVAL",
        CLAIM_ALIAS_SCRIPT,
        "1",
        key,
        claim.runId,
        claim.previous ?? "",
        ttl,
      ]);
      return Number(reply) === 1;
    },
    async resolveAlias(alias) {
      const reply = await commands.send(["GET", redisAliasKey(prefix, checkRunAlias(alias))]);
      return typeof reply === "string" ? reply : undefined;
    },
  };
}
