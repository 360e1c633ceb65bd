import type { RunnableConfig } from "../config/runnable-config.js";
import type { ChildStop } from "./child-stop.js";

/**
 * What a Runnable's implementation (`_invoke`, `_stream`, `_transform`) receives about its run:
 * the effective config and signal, the run id, the config to call children with, and a way to
 * report chunks and custom events to observers. The run's lifecycle (start, end, failure) is the
 * run driver's alone, so an implementation cannot end or fail its own run: it returns, yields or
 * throws, and the driver closes the run.
 *
 * @example
 * class Shout extends Runnable<string, string> {
 *   override async _invoke(input: string, scope: RunScope): Promise<string> {
 *     const text = await inner.invoke(input, scope.childConfig());
 *     return text.toUpperCase();
 *   }
 * }
 */
export interface RunScope {
  /** The config this run runs with (the call's, merged over the enclosing run's). */
  readonly config: RunnableConfig;
  /** The config's signal, combined with the run's `timeout`; pass it to `fetch` and timers. */
  readonly signal: AbortSignal | undefined;
  /** The run id (generated on first use when nothing observes the run). */
  readonly runId: string;
  /** Whether anything observes this run; when not, reporting is a no-op. */
  readonly observed: boolean;
  /**
   * The config for a child call: observers and inherited tags/metadata (plus a local tag such as
   * `seq:step:2`), the same signal, configurable and limits; never this run's name, id or timeout.
   */
  childConfig(localTag?: string, overrides?: Partial<RunnableConfig>): RunnableConfig;
  /**
   * Reports one output chunk to observers, for a run that produces chunks the driver does not
   * see (a chat model streaming inside `_invoke`). Returns a promise only when an observer asked
   * to be awaited: await it before going on.
   */
  reportChunk(chunk: unknown): void | Promise<void>;
  /** Reports a custom event from inside this run (as `dispatchCustomEvent` does); await a returned promise. */
  reportCustomEvent(name: string, data: unknown): void | Promise<void>;
  /**
   * Children that can be cancelled together, for a run that drives several at once (a map's
   * branches): stopping them waits until their runs have closed, so this run closes last.
   */
  childStop(): ChildStop;
}
