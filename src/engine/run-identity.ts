import type { Callbacks } from "../callbacks/callback-manager.js";
import type { RunPresentation, RunType } from "../callbacks/run.js";

/** What a runnable tells its run about itself (name, type, extra metadata such as `ls_*`). */
export interface RunIdentity {
  name: string;
  runType: RunType;
  metadata?: Record<string, unknown> | undefined;
  extra?: Record<string, unknown> | undefined;
  /** How this runnable's input and output appear in events (a chat model's messages...). */
  presentation?: RunPresentation | undefined;
  /**
   * The runnable was built with `verbose: true` (as `@langchain/core` takes it on tools and
   * models): a `ConsoleCallbackHandler` logs its runs and the runs under them.
   */
  verbose?: boolean | undefined;
  /** Handlers the runnable was built with (a model's `callbacks`), told about its runs besides the call's. */
  callbacks?: Callbacks | undefined;
  /** Tags the runnable was built with, after the call's own on each of its runs. */
  tags?: readonly string[] | undefined;
}
