import { BaseCache, type Generation } from "./base-cache.js";

/** The map `InMemoryCache.global()` shares: one per package copy, as in `@langchain/core`. */
const GLOBAL_MAP = new Map<string, Generation[]>();

/**
 * A cache in a `Map`, as in `@langchain/core`: `new InMemoryCache()` has its own map (or the one
 * given); `InMemoryCache.global()`, which `cache: true` uses, shares one map across the process.
 * Entries never expire; give each test its own instance.
 *
 * @example
 * const model = new FakeListChatModel({ responses: ["Paris"], cache: new InMemoryCache() });
 * await model.invoke("Capital of France?"); // asks the model
 * await model.invoke("Capital of France?"); // answered from the cache, still streamed and observed
 */
export class InMemoryCache<T = Generation[]> extends BaseCache<T> {
  readonly cache: Map<string, T>;

  constructor(map?: Map<string, T>) {
    super();
    this.cache = map ?? new Map<string, T>();
  }

  override lookup(prompt: string, llmKey: string): Promise<T | null> {
    return Promise.resolve(this.cache.get(this.keyEncoder(prompt, llmKey)) ?? null);
  }

  override async update(prompt: string, llmKey: string, value: T): Promise<void> {
    this.cache.set(this.keyEncoder(prompt, llmKey), value);
  }

  /** An `InMemoryCache` over the process-wide map (what `cache: true` uses). */
  static global(): InMemoryCache {
    return new InMemoryCache(GLOBAL_MAP);
  }
}
