import type { BaseCache, Generation } from "../caches/base-cache.js";
import { CallbackManager, type Callbacks } from "../callbacks/callback-manager.js";
import type { RunIdentity } from "../engine/run-identity.js";
import { InvalidConfigError } from "../errors/input-errors.js";
import { isPlainObject } from "../internal/is-plain-object.js";

/**
 * Constructor fields every model takes (`@langchain/core`'s `BaseLanguageModelParams`): handlers,
 * tags and metadata for every run of the model, `verbose` to log its runs, and a cache. They apply
 * to the model's own runs, added to what each call's config brings (the call's tags first, then
 * these; the call's metadata wins on a shared key).
 *
 * @example
 * const model = new ChatOpenAI({ callbacks: [costTracker], tags: ["billing"], metadata: { team: "search" } });
 */
export interface BaseLanguageModelParams {
  /** Handlers told about every run of this model. */
  callbacks?: Callbacks | undefined;
  /** Tags on every run of this model. */
  tags?: string[] | undefined;
  /** Metadata on every run of this model. */
  metadata?: Record<string, unknown> | undefined;
  /** Log every run of this model with a `ConsoleCallbackHandler`. */
  verbose?: boolean | undefined;
  /**
   * Cache answers: `true` for the process-wide `InMemoryCache.global()`, or a cache instance.
   * A cached answer still streams (as one chunk) and still shows in events and handlers.
   */
  cache?: BaseCache<Generation[]> | boolean | undefined;
}

/** What a model adds to each of its runs' identities, read once from its constructor fields. */
export type ModelRunDefaults = Pick<RunIdentity, "callbacks" | "tags" | "verbose"> & {
  readonly metadata: Readonly<Record<string, unknown>> | undefined;
};

/** Checks and keeps a model's `callbacks`, `tags`, `metadata` and `verbose` (an `InvalidConfigError` names the wrong one). */
export function readModelRunDefaults(owner: string, fields: BaseLanguageModelParams): ModelRunDefaults {
  const { callbacks, tags, metadata, verbose } = fields;
  if (callbacks !== undefined && !Array.isArray(callbacks) && !(callbacks instanceof CallbackManager)) {
    throw new InvalidConfigError(`${owner}'s "callbacks" is a list of handlers, got ${typeof callbacks}`);
  }
  if (tags !== undefined && !(Array.isArray(tags) && tags.every((tag) => typeof tag === "string"))) {
    throw new InvalidConfigError(`${owner}'s "tags" is a list of strings`);
  }
  if (metadata !== undefined && !isPlainObject(metadata)) {
    throw new InvalidConfigError(`${owner}'s "metadata" is a plain object of values`);
  }
  if (verbose !== undefined && typeof verbose !== "boolean") {
    throw new InvalidConfigError(`${owner}'s "verbose" is true or false, got ${typeof verbose}`);
  }
  return {
    ...(callbacks === undefined ? {} : { callbacks }),
    ...(tags === undefined || tags.length === 0 ? {} : { tags: [...tags] }),
    metadata: metadata === undefined ? undefined : { ...metadata },
    ...(verbose === true ? { verbose } : {}),
  };
}
