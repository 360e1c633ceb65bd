import type { RunnableConfig } from "../config/runnable-config.js";
import { combineSignals } from "../internal/abort.js";
import type { RunScope } from "./run-scope.js";

/**
 * Lets a run that drives several children at once (a map's branches, an assign's mapper) stop
 * them: children get configs whose signal also aborts on `stop()`, and `stop()` waits until the
 * child runs have closed, so the parent never closes before its children.
 */
export class ChildStop {
  readonly #scope: RunScope;
  readonly #controller = new AbortController();

  constructor(scope: RunScope) {
    this.#scope = scope;
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** The config of a child that `stop()` cancels. */
  config(localTag?: string): RunnableConfig {
    return this.#scope.childConfig(localTag, {
      signal: combineSignals(this.#scope.signal, this.#controller.signal),
    });
  }

  /** Cancels the children still running and waits for their runs to close. */
  async stop(reason?: unknown): Promise<void> {
    this.#controller.abort(reason);
    await this.#scope.childrenClosed();
  }
}
