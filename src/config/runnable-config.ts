import type { Callbacks } from "../callbacks/callback-manager.js";

/**
 * Options for one call of a Runnable, with `@langchain/core`'s names. Everything except
 * `runName` and `runId` flows to the nested runs of the call:
 * - `tags` are added to this run and inherited by its children (union with inherited tags);
 * - `metadata` is shallow-merged over the inherited metadata;
 * - `callbacks` receive this run and every nested run;
 * - `signal` and `timeout` cancel the whole call (combined with any enclosing signal);
 * - `runName`, `runId` name and identify this run only; they never leak to children.
 *
 * @example
 * await chain.invoke({ topic: "parrots" }, { tags: ["demo"], timeout: 10_000 });
 */
export interface RunnableConfig {
  callbacks?: Callbacks | undefined;
  tags?: string[] | undefined;
  metadata?: Record<string, unknown> | undefined;
  runName?: string | undefined;
  runId?: string | undefined;
  /** Free-form values runnables can read (model choice, user id...). Shallow-merged. */
  configurable?: Record<string, unknown> | undefined;
  /**
   * Upper bound on parallel work in `batch` and on a RunnableParallel's branches under `invoke`.
   * Streaming runs every branch at once, so their chunks can interleave as they arrive.
   * A positive integer.
   */
  maxConcurrency?: number | undefined;
  /** How many runnables a lambda may return in a chain of returns (a positive integer, default 25). */
  recursionLimit?: number | undefined;
  signal?: AbortSignal | undefined;
  /**
   * Milliseconds before the call is aborted with a TimeoutError: above 0 and at most 2^31 - 1
   * (about 24.8 days, the longest timer runtimes honour), or `Infinity` for no timeout.
   */
  timeout?: number | undefined;
}
