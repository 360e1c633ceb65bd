import { AbortError, TimeoutError } from "../errors/abort-error.js";

/**
 * Combines two optional signals into one that aborts when either does: the other one itself when
 * one is missing or both are the same, undefined when there is none. Allocates only when both are
 * set and differ (it runs once per run and per merged config).
 */
export function combineSignals(
  first: AbortSignal | undefined,
  second: AbortSignal | undefined,
): AbortSignal | undefined {
  if (first === undefined || first === second) return second;
  if (second === undefined) return first;
  return AbortSignal.any([first, second]);
}

/** The typed error that stands for an aborted signal. */
export function abortErrorOf(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (TimeoutError.isInstance(reason) || AbortError.isInstance(reason)) return reason;
  if (reason instanceof Error && reason.name === "TimeoutError") {
    return new TimeoutError(0, "total", { cause: reason });
  }
  return new AbortError(undefined, { reason, cause: reason });
}

/** Throws the typed abort error if the signal is aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortErrorOf(signal);
}

/**
 * Settles with `promise`, or rejects with the typed abort error as soon as `signal` aborts.
 * The losing promise is left to settle on its own; its rejection is swallowed.
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  if (signal.aborted) {
    promise.catch(() => {});
    return Promise.reject(abortErrorOf(signal));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      promise.catch(() => {});
      reject(abortErrorOf(signal));
    };
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
