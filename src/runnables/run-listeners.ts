import type { RunnableConfig } from "../config/runnable-config.js";
import type { ListenerRun } from "./listener-run.js";

/**
 * A listener of `withListeners`: the run (its input, output or error, times, tags..., also under
 * LangChain's names: `start_time`, `outputs`...) and the call's config.
 */
export type RunListener = (run: ListenerRun, config: RunnableConfig) => void | Promise<void>;

/**
 * The listeners of `withListeners`, called for the bound runnable's own run (not its children):
 * `onStart` when it starts, `onEnd` when it ends with an output, `onError` when it fails. Each
 * receives the `Run` and the config of the call, as `@langchain/core` passes `(run, config)`.
 */
export interface RunListeners {
  onStart?: RunListener | undefined;
  onEnd?: RunListener | undefined;
  onError?: RunListener | undefined;
}
