export { BaseCache, type CacheKeyEncoder, defaultKeyEncoder, type Generation } from "./base-cache.js";
export { InMemoryCache } from "./in-memory-cache.js";
