import type { Run } from "../callbacks/run.js";
import type { RunObserver } from "../callbacks/run-observer.js";
import type { RunnableConfig } from "../config/runnable-config.js";
import { toListenerRun } from "./listener-run.js";
import type { RunListener, RunListeners } from "./run-listeners.js";

/** Where a failing listener is reported (a test seam; default `console`). */
export interface ListenerFailureLogger {
  warn(message: string): void;
}

/**
 * The observer one call of a `withListeners` runnable adds: the first run it sees start is the
 * bound runnable's own (the binding is not a run, so nothing starts before it); it calls the
 * listeners for that run only. The run waits for the listeners; one that throws is reported and
 * does not fail the run, as `@langchain/core` treats its handlers.
 */
export class RootListenersObserver implements RunObserver {
  readonly awaitHandlers = true;
  readonly #listeners: RunListeners;
  readonly #config: RunnableConfig;
  readonly #logger: ListenerFailureLogger;
  #rootId: string | undefined;

  constructor(listeners: RunListeners, config: RunnableConfig, logger: ListenerFailureLogger = console) {
    this.#listeners = listeners;
    this.#config = config;
    this.#logger = logger;
  }

  onRunStart(run: Run): Promise<void> | undefined {
    if (this.#rootId !== undefined) return undefined;
    this.#rootId = run.id;
    return this.#call("onStart", this.#listeners.onStart, run);
  }

  onRunEnd(run: Run): Promise<void> | undefined {
    if (run.id !== this.#rootId) return undefined;
    return this.#call("onEnd", this.#listeners.onEnd, run);
  }

  onRunError(run: Run): Promise<void> | undefined {
    if (run.id !== this.#rootId) return undefined;
    return this.#call("onError", this.#listeners.onError, run);
  }

  async #call(which: keyof RunListeners, listener: RunListener | undefined, run: Run): Promise<void> {
    if (listener === undefined) return;
    try {
      await listener(toListenerRun(run, which !== "onStart"), this.#config);
    } catch (error) {
      this.#logger.warn(`Error in the ${which} listener of ${run.name} (withListeners): ${String(error)}`);
    }
  }
}
