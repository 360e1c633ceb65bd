import type { RunnableConfig } from "../config/runnable-config.js";
import { isAbortError } from "../errors/abort-error.js";
import { raceAbort } from "../internal/abort.js";
import { resolveBindings } from "./resolve-bindings.js";
import { RunLifecycle } from "./run-lifecycle.js";
import type { RunnableCore } from "./runnable-core.js";
import { settled } from "./settled.js";

/**
 * Runs `runnable` on a whole input and returns its whole output, as one run. A run nobody
 * observes and nothing can cancel (no signal, no timeout) has no notification to wait for and
 * no race to run, so it takes a path without an async function around `_invoke`: one `.then`
 * closes it.
 */
export function invokeWithRun<I, O, C>(
  runnable: RunnableCore<I, O, C>,
  input: I,
  config: RunnableConfig,
): Promise<O> {
  let target: RunnableCore<I, O, C>;
  let run: RunLifecycle;
  try {
    const [resolvedTarget, resolved] = resolveBindings(runnable, config);
    target = resolvedTarget;
    run = new RunLifecycle({ identity: target.runIdentity(resolved), config: resolved, input });
  } catch (error) {
    return Promise.reject(error);
  }
  if (!run.observed && run.signal === undefined) return invokeQuietly(target, input, run);
  return invokeObserved(target, input, run);
}

/** The fast path: `_invoke`, then the run is closed (for its parent's count of open children). */
function invokeQuietly<I, O, C>(target: RunnableCore<I, O, C>, input: I, run: RunLifecycle): Promise<O> {
  let pending: Promise<O>;
  try {
    pending = Promise.resolve(target._invoke(input, run.scope));
  } catch (error) {
    return failRun(run, error);
  }
  return pending.then(
    (output) => {
      run.end(output);
      return output;
    },
    (error: unknown) => failRun(run, error),
  );
}

async function invokeObserved<I, O, C>(
  target: RunnableCore<I, O, C>,
  input: I,
  run: RunLifecycle,
): Promise<O> {
  try {
    const started = run.start();
    if (started !== undefined) await started;
    const output = await raceAbort(target._invoke(input, run.scope), run.signal);
    const ended = run.end(output);
    if (ended !== undefined) await ended;
    return output;
  } catch (error) {
    return failRun(run, error);
  }
}

/**
 * Fails the run and rejects with `error`. On an abort every level's race rejects at once,
 * outermost first: the child runs (each racing the same signal) close first. User code that
 * ignores the signal is not waited on: only runs are.
 */
async function failRun(run: RunLifecycle, error: unknown): Promise<never> {
  if (isAbortError(error)) await settled(run.childrenClosed());
  await settled(run.fail(error));
  throw error;
}
