import type { RunnableConfig } from "../config/runnable-config.js";
import { combineSignals } from "../internal/abort.js";

/** What a ChildStop needs from its run: the run's signal, its child configs, and when its children have closed. */
interface StoppableRun {
  readonly signal: AbortSignal | undefined;
  childConfig(localTag?: string, overrides?: Partial<RunnableConfig>): RunnableConfig;
  childrenClosed(): Promise<void> | undefined;
}

/**
 * Lets a run that drives several children at once (a map's branches, an assign's mapper) stop
 * them: children get configs whose signal also aborts on `stop()`, and `stop()` waits until the
 * child runs have closed, so the parent never closes before its children. Get one from
 * `RunScope.childStop()`.
 */
export class ChildStop {
  readonly #run: StoppableRun;
  readonly #controller = new AbortController();

  constructor(run: StoppableRun) {
    this.#run = run;
  }

  #childSignal: AbortSignal | undefined;

  /** Aborts when `stop()` is called. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** The config of a child that `stop()` cancels. */
  config(localTag?: string): RunnableConfig {
    // One combined signal for every branch (AbortSignal.any per branch added a listener each).
    this.#childSignal ??= combineSignals(this.#run.signal, this.#controller.signal);
    return this.#run.childConfig(localTag, { signal: this.#childSignal });
  }

  /**
   * Cancels the children still running and waits for their runs to close. A child run left to
   * its reader (unobserved, no signal: `RunLifecycle.leaveToReader`) is not waited for: nothing
   * here could cancel it, and the driver never sees it end.
   */
  async stop(reason?: unknown): Promise<void> {
    this.#controller.abort(reason);
    await this.#run.childrenClosed();
  }
}
