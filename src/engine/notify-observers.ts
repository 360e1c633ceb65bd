import { trackBackgroundCallback } from "../callbacks/background-callbacks.js";
import type { Run } from "../callbacks/run.js";
import type { RunObserver } from "../callbacks/run-observer.js";

/** What a notification returns: a promise only when an observer asked to be awaited. */
export type Notified = void | Promise<void>;

/**
 * One observer method applied to one observer. The calls are module-level functions
 * (`observerCalls`), so a notification, one per chunk on the hot path, allocates no closure.
 */
export type ObserverCall<A, B> = (observer: RunObserver, run: Run, first: A, second: B) => Notified;

/** The notifications a run sends, one per observer method. */
export const observerCalls = {
  start: (observer: RunObserver, run: Run) => observer.onRunStart?.(run),
  chunk: (observer: RunObserver, run: Run, chunk: unknown) => observer.onRunStream?.(run, chunk),
  end: (observer: RunObserver, run: Run) => observer.onRunEnd?.(run),
  error: (observer: RunObserver, run: Run, error: unknown) => observer.onRunError?.(run, error),
  customEvent: (observer: RunObserver, run: Run, name: string, data: unknown) =>
    observer.onCustomEvent?.(run, name, data),
} as const;

/** Reports an observer's failure that no run waits for: one line, never a crash. */
function warnDetachedFailure(error: unknown): void {
  let message: string;
  try {
    message = error instanceof Error ? error.message : String(error);
  } catch {
    message = "(an error that cannot be shown)";
  }
  console.warn(`A run observer failed (it is not awaited, so the run goes on): ${message}`);
}

/**
 * Sends one notification about `run` to every observer, even when one throws (a handler with
 * `raiseError`), so no observer misses an event another one failed on (and none sees an end
 * without its start); the first error is rethrown after the loop. The promises of observers
 * that asked to be awaited are returned as one.
 */
export function notifyObservers<A, B>(
  observers: readonly RunObserver[],
  call: ObserverCall<A, B>,
  run: Run,
  first: A,
  second: B,
): Notified {
  let pending: Promise<void>[] | undefined;
  let failure: { error: unknown } | undefined;
  for (const observer of observers) {
    try {
      const notified = call(observer, run, first, second);
      if (notified !== undefined) {
        if (observer.awaitHandlers) {
          pending ??= [];
          pending.push(notified);
        } else if (typeof notified.then === "function") {
          // Nobody awaits it (but awaitAllCallbacks): a rejection would be unhandled and end the process.
          trackBackgroundCallback(notified.then(undefined, warnDetachedFailure));
        }
      }
    } catch (error) {
      failure ??= { error };
    }
  }
  if (failure !== undefined) throw failure.error;
  if (pending === undefined) return;
  return pending.length === 1 ? pending[0] : Promise.all(pending).then(() => undefined);
}
