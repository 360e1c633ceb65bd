import type { RunnableConfig } from "../config/runnable-config.js";
import { isAbortError } from "../errors/abort-error.js";
import { abortErrorOf } from "../internal/abort.js";
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
    run = new RunLifecycle({
      identity: target.runIdentity(resolved),
      config: resolved,
      input,
      wholeOutput: target.shape.output === "whole",
    });
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

/**
 * The observed (or cancellable) path: start, `_invoke` raced against the signal, end; each
 * notification is waited for only when it returned a promise. Built from `.then`s rather than
 * an async function: two promises when the run races a signal, one when it does not.
 */
function invokeObserved<I, O, C>(target: RunnableCore<I, O, C>, input: I, run: RunLifecycle): Promise<O> {
  let started: void | Promise<void>;
  try {
    started = run.start();
  } catch (error) {
    return failRun(run, error);
  }
  if (started === undefined) return invokeStarted(target, input, run);
  return started.then(
    () => invokeStarted(target, input, run),
    (error: unknown) => failRun(run, error),
  );
}

function invokeStarted<I, O, C>(target: RunnableCore<I, O, C>, input: I, run: RunLifecycle): Promise<O> {
  let pending: Promise<O>;
  try {
    pending = Promise.resolve(target._invoke(input, run.scope));
  } catch (error) {
    return failRun(run, error);
  }
  const ended = (output: O): O | Promise<O> => endRun(run, output);
  const failed = (error: unknown): Promise<never> => failRun(run, error);
  const signal = run.signal;
  if (signal === undefined) return pending.then(ended, failed);
  if (signal.aborted) {
    pending.catch(() => {});
    return failed(abortErrorOf(signal));
  }
  // `raceAbort` with the end folded in: the run's output, or its failure as soon as the signal aborts.
  return new Promise<O>((resolve) => {
    let settledRace = false;
    const onAbort = (): void => {
      if (settledRace) return;
      settledRace = true;
      pending.catch(() => {});
      resolve(failed(abortErrorOf(signal)));
    };
    signal.addEventListener("abort", onAbort, { once: true });
    pending.then(
      (output) => {
        if (settledRace) return;
        settledRace = true;
        signal.removeEventListener("abort", onAbort);
        resolve(ended(output));
      },
      (error: unknown) => {
        if (settledRace) return;
        settledRace = true;
        signal.removeEventListener("abort", onAbort);
        resolve(failed(error));
      },
    );
  });
}

/** Ends the run with `output` (waiting for observers that asked to be waited on) and gives it back. */
function endRun<O>(run: RunLifecycle, output: O): O | Promise<O> {
  let ended: void | Promise<void>;
  try {
    ended = run.end(output);
  } catch (error) {
    return failRun(run, error);
  }
  if (ended === undefined) return output;
  return ended.then(
    () => output,
    (error: unknown) => failRun(run, error),
  );
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
