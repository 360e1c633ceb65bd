import type { RunnableConfig } from "../config/runnable-config.js";
import type { Aggregator } from "../streams/aggregator.js";
import type { RunIdentity } from "./run-identity.js";
import type { InputStream } from "./run-input.js";
import type { RunScope } from "./run-scope.js";
import type { RunnableShape } from "./runnable-shape.js";

/**
 * The implementation side of a Runnable, as the run driver sees it. A runnable implements at
 * least one of `_invoke` (whole input → whole output) or `_stream` (whole input → chunks); a
 * transform step also implements `_transform` (input stream → chunks). Its `shape` says which.
 */
export interface RunnableCore<I, O, C> {
  /** Whether it takes its input, and produces its output, whole or chunk by chunk. */
  readonly shape: RunnableShape;
  /**
   * True when every await in this runnable's output stream is on a child run's stream (a
   * sequence, a map, a parser): cancelling then needs no race at this level, because the child
   * rejects and the rejection arrives here. Saves a promise per chunk per level under observers.
   *
   * @internal Engine members are left out of the published types (`stripInternal`).
   */
  readonly awaitsOnlyChildRuns: boolean;
  /**
   * @internal What the runnable's runs are called and tagged with, for a call with `config`
   * (the effective config: a model reads its call options there, e.g. `stop` for `ls_stop`).
   */
  runIdentity(config?: RunnableConfig): RunIdentity;
  /** @internal A binding (`withConfig`) answers with what it wraps and the merged config; others undefined. */
  resolveBinding(config: RunnableConfig): [RunnableCore<I, O, C>, RunnableConfig] | undefined;
  createAggregator(): Aggregator<C, O>;
  _invoke(input: I, scope: RunScope): Promise<O>;
  _stream(input: I, scope: RunScope): AsyncIterable<C>;
  _transform(input: InputStream<I>, scope: RunScope): AsyncIterable<C>;
}
