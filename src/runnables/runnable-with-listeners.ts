import { mergeConfigs } from "../config/merge-configs.js";
import type { RunnableConfig } from "../config/runnable-config.js";
import type { RunnableCore } from "../engine/runnable-core.js";
import { type ListenerFailureLogger, RootListenersObserver } from "./root-listeners-observer.js";
import type { RunListeners } from "./run-listeners.js";
import type { Runnable } from "./runnable.js";
import { RunnableBinding } from "./runnable-binding.js";

/**
 * A binding (`withListeners`) that calls listeners for each run of the runnable it wraps: every
 * call adds its own observer, whose first run is the bound runnable's. Like any binding it is
 * not a run itself. Listeners added twice (`r.withListeners(a).withListeners(b)`) both run.
 *
 * @example
 * const timed = chain.withListeners({
 *   onEnd: (run) => console.log(`${run.name} took ${run.endTime! - run.startTime} ms`),
 * });
 */
export class RunnableWithListeners<I = unknown, O = unknown, C = O> extends RunnableBinding<I, O, C> {
  readonly listeners: RunListeners;
  readonly #logger: ListenerFailureLogger | undefined;

  constructor(fields: {
    bound: Runnable<I, O, C>;
    listeners: RunListeners;
    config?: RunnableConfig | undefined;
    /** Test seam: where a failing listener is reported (default `console`). */
    logger?: ListenerFailureLogger | undefined;
  }) {
    super({ bound: fields.bound, config: fields.config ?? {} });
    this.listeners = fields.listeners;
    this.#logger = fields.logger;
  }

  /** @internal */
  override resolveBinding(config: RunnableConfig): [RunnableCore<I, O, C>, RunnableConfig] {
    const merged = mergeConfigs(this.config, config);
    const observer = new RootListenersObserver(this.listeners, merged, this.#logger);
    return [this.bound, mergeConfigs(merged, { callbacks: [observer] })];
  }

  override withConfig(config: RunnableConfig): Runnable<I, O, C> {
    return new RunnableWithListeners({
      bound: this.bound,
      listeners: this.listeners,
      config: mergeConfigs(this.config, config),
      logger: this.#logger,
    });
  }
}
