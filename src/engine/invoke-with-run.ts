import type { RunnableConfig } from "../config/runnable-config.js";
import { isAbortError } from "../errors/abort-error.js";
import { raceAbort } from "../internal/abort.js";
import { resolveBindings } from "./resolve-bindings.js";
import { RunLifecycle } from "./run-lifecycle.js";
import type { RunnableCore } from "./runnable-core.js";
import { settled } from "./settled.js";

/** Runs `runnable` on a whole input and returns its whole output, as one run. */
export async function invokeWithRun<I, O, C>(
  runnable: RunnableCore<I, O, C>,
  input: I,
  config: RunnableConfig,
): Promise<O> {
  const [target, resolved] = resolveBindings(runnable, config);
  const run = new RunLifecycle({ identity: target.runIdentity(resolved), config: resolved, input });
  try {
    const started = run.start();
    if (started !== undefined) await started;
    const output = await raceAbort(target._invoke(input, run.scope), run.signal);
    const ended = run.end(output);
    if (ended !== undefined) await ended;
    return output;
  } catch (error) {
    // On an abort every level's race rejects at once, outermost first: let the child runs
    // (each racing the same signal) close first. User code that ignores the signal is not
    // waited on: only runs are.
    if (isAbortError(error)) await settled(run.childrenClosed());
    await settled(run.fail(error));
    throw error;
  }
}
