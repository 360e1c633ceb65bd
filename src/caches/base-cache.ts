/**
 * One answer of a model as caches store it, in `@langchain/core`'s `outputs` shape: its text,
 * provider details and, for chat models, the message (`ChatGeneration`).
 */
export interface Generation {
  text: string;
  generationInfo?: Record<string, unknown> | undefined;
}

/** Turns a prompt and a model's parameter key into the key a cache stores the answer under. */
export type CacheKeyEncoder = (prompt: string, llmKey: string) => string;

/**
 * The key a prompt and a model's parameter key are stored under: both in one JSON array, so no
 * two pairs share a key (`@langchain/core` hashes them joined with `_` with SHA-256; Rivulet keeps
 * the readable, collision-free form and no hash code in every bundle). Replace it with
 * `makeDefaultKeyEncoder` when a store needs short keys.
 */
export const defaultKeyEncoder: CacheKeyEncoder = (prompt, llmKey) => JSON.stringify([prompt, llmKey]);

/**
 * Base of model caches, as in `@langchain/core`: `lookup` the answers stored for a prompt and a
 * model's parameters (`null` when none), `update` them. A model built with `cache: true` uses
 * `InMemoryCache.global()`; with `cache: someCache`, that cache. The model's `llmKey` is its
 * serialized parameters and call options (`_getSerializedCacheKeyParametersForCall`), so the
 * same prompt with another temperature, stop or tools is another entry.
 *
 * @example
 * class MapCache extends BaseCache {
 *   #map = new Map<string, Generation[]>();
 *   async lookup(prompt: string, llmKey: string) { return this.#map.get(this.keyEncoder(prompt, llmKey)) ?? null; }
 *   async update(prompt: string, llmKey: string, value: Generation[]) { this.#map.set(this.keyEncoder(prompt, llmKey), value); }
 * }
 */
export abstract class BaseCache<T = Generation[]> {
  /** How `(prompt, llmKey)` becomes a store key (see {@link defaultKeyEncoder}). */
  keyEncoder: CacheKeyEncoder = defaultKeyEncoder;

  /** Replaces the key encoder (`@langchain/core`'s name for it). */
  makeDefaultKeyEncoder(keyEncoderFn: CacheKeyEncoder): void {
    this.keyEncoder = keyEncoderFn;
  }

  /** The value stored for a prompt and model key, or `null`. */
  abstract lookup(prompt: string, llmKey: string): Promise<T | null>;

  /** Stores a value for a prompt and model key. */
  abstract update(prompt: string, llmKey: string, value: T): Promise<void>;
}
