import { RivuletError } from "../errors/rivulet-error.js";

const MAX_TIMER_MS = 2_147_483_647;

/**
 * `promise`, or a rejection once `ms` have passed. The owner bounds its store calls by its lease:
 * a store that does not answer within a lease cannot keep the lease either, and an owner waiting
 * on it for ever would never end its run, nor let `close()` return.
 */
export function storeDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  // Past setTimeout's range a timer would fire at once; such a lease means "wait".
  if (ms > MAX_TIMER_MS) return promise;
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new RivuletError("internal", `The run store did not answer ${what} within ${ms} ms.`));
    }, ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
