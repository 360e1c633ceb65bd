import type { RunnableConfig } from "../config/runnable-config.js";
import type { ChildStop } from "./child-stop.js";
import type { RunScope } from "./run-scope.js";

/**
 * The `RunScope` an implementation receives: a view of its run that forwards the scope's members
 * and nothing else, so the lifecycle methods of the object behind it (start, end, fail) cannot be
 * reached from `_stream`, even by an untyped caller.
 */
export class RunScopeView implements RunScope {
  readonly config: RunnableConfig;
  readonly signal: AbortSignal | undefined;
  readonly observed: boolean;
  readonly #run: RunScope;

  constructor(run: RunScope) {
    this.#run = run;
    this.config = run.config;
    this.signal = run.signal;
    this.observed = run.observed;
  }

  get runId(): string {
    return this.#run.runId;
  }

  childConfig(localTag?: string, overrides?: Partial<RunnableConfig>): RunnableConfig {
    return this.#run.childConfig(localTag, overrides);
  }

  reportChunk(chunk: unknown): void | Promise<void> {
    return this.#run.reportChunk(chunk);
  }

  reportCustomEvent(name: string, data: unknown): void | Promise<void> {
    return this.#run.reportCustomEvent(name, data);
  }

  childStop(): ChildStop {
    return this.#run.childStop();
  }
}
