import { AbortError, TimeoutError } from "../errors/abort-error.js";

/** Combines optional signals into one (undefined when there is none). */
export function combineSignals(...signals: (AbortSignal | undefined)[]): AbortSignal | undefined {
  const present = [...new Set(signals)].filter((s): s is AbortSignal => s !== undefined);
  if (present.length <= 1) return present[0];
  return AbortSignal.any(present);
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

/**
 * Races many promises in turn against one signal with a single listener (a run's stream asks
 * for a chunk at a time; adding and removing a listener per chunk is measurable on the hot path).
 * Call `dispose` when done.
 */
export class AbortGate {
  readonly #signal: AbortSignal;
  #reject: ((error: unknown) => void) | undefined;
  readonly #onAbort = () => {
    const reject = this.#reject;
    this.#reject = undefined;
    reject?.(abortErrorOf(this.#signal));
  };

  constructor(signal: AbortSignal) {
    this.#signal = signal;
    signal.addEventListener("abort", this.#onAbort, { once: true });
  }

  /** Settles with `promise`, or rejects with the typed abort error when the signal aborts first. */
  race<T>(promise: Promise<T>): Promise<T> {
    if (this.#signal.aborted) {
      promise.catch(() => {});
      return Promise.reject(abortErrorOf(this.#signal));
    }
    return new Promise<T>((resolve, reject) => {
      this.#reject = (error) => {
        promise.catch(() => {});
        reject(error);
      };
      promise.then(resolve, reject);
    });
  }

  dispose(): void {
    this.#signal.removeEventListener("abort", this.#onAbort);
    this.#reject = undefined;
  }
}
