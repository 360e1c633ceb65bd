import type { RunnableConfig } from "../config/runnable-config.js";
import { isAbortError } from "../errors/abort-error.js";
import { raceAbort } from "../internal/abort.js";
import { resolveBindings } from "./resolve-bindings.js";
import { RunScope } from "./run-scope.js";
import type { RunnableCore } from "./runnable-core.js";
import { settled } from "./settled.js";

/** Runs `runnable` on a whole input and returns its whole output, as one run. */
export async function invokeWithRun<I, O, C>(
  runnable: RunnableCore<I, O, C>,
  input: I,
  config: RunnableConfig,
): Promise<O> {
  const [target, resolved] = resolveBindings(runnable, config);
  const scope = new RunScope(target.runIdentity(), resolved, input, true);
  try {
    const started = scope.start();
    if (started !== undefined) await started;
    const output = await raceAbort(target._invoke(input, scope), scope.signal);
    const ended = scope.end(output);
    if (ended !== undefined) await ended;
    return output;
  } catch (error) {
    // On an abort every level's race rejects at once, outermost first: let the child runs
    // (each racing the same signal) close first. User code that ignores the signal is not
    // waited on: only runs are.
    if (isAbortError(error)) await settled(scope.childrenClosed());
    await settled(scope.fail(error));
    throw error;
  }
}
