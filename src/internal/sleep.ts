import { abortErrorOf } from "./abort.js";
import { MAX_TIMER_DELAY_MS } from "./check-number-option.js";

/**
 * Waits `ms`, or rejects with the typed abort error when `signal` aborts first; either way no
 * timer or listener is left behind. `Infinity` waits for the signal alone, with no timer (a
 * timer would clamp it to 1 ms); longer finite waits are cut to the longest timer, for the same
 * reason.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortErrorOf(signal));
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onAbort = () => {
      if (timer !== undefined) clearTimeout(timer);
      if (signal !== undefined) reject(abortErrorOf(signal));
    };
    if (ms !== Number.POSITIVE_INFINITY) {
      timer = setTimeout(
        () => {
          signal?.removeEventListener("abort", onAbort);
          resolve();
        },
        Math.min(ms, MAX_TIMER_DELAY_MS),
      );
    }
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
