import { InvalidConfigError } from "../errors/input-errors.js";
import { BaseCache, type Generation } from "./base-cache.js";
import { InMemoryCache } from "./in-memory-cache.js";

/**
 * The cache a model's `cache` option names, as `@langchain/core` reads it: a cache instance as
 * given, `true` the process-wide `InMemoryCache.global()`, `false` or unset none. Anything else
 * is an `InvalidConfigError`.
 */
export function resolveCache(
  cache: BaseCache<Generation[]> | boolean | undefined,
): BaseCache<Generation[]> | undefined {
  if (cache === undefined || cache === false) return undefined;
  if (cache === true) return InMemoryCache.global();
  if (cache instanceof BaseCache || isCacheLike(cache)) return cache;
  throw new InvalidConfigError(
    `cache must be true, false or a BaseCache (with lookup and update methods), got ${typeof cache}`,
  );
}

/** A cache from another package copy: the two methods a model calls. */
function isCacheLike(value: unknown): value is BaseCache<Generation[]> {
  if (value === null || typeof value !== "object") return false;
  return (
    "lookup" in value &&
    typeof value.lookup === "function" &&
    "update" in value &&
    typeof value.update === "function"
  );
}
