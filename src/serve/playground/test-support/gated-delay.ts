import type { DelayFn } from "rivulet/testing";

/**
 * A fake model's delay seam that lets one chunk through per permit, so a browser test decides
 * when the next chunk is sent (after the page has shown the last one) instead of guessing with
 * timers. A wait still pending when the call's signal aborts rejects with the signal's reason,
 * which is recorded in `aborts`, as a provider's request would be closed by it.
 */
export class GatedDelay {
  readonly aborts: unknown[] = [];
  #permits = 0;
  #waiting: (() => void)[] = [];

  /** Lets `count` more chunks through. */
  release(count = 1): void {
    this.#permits += count;
    while (this.#permits > 0 && this.#waiting.length > 0) {
      this.#permits--;
      this.#waiting.shift()?.();
    }
  }

  /** The seam to pass as a fake model's `delay` (with any `sleep` above 0). */
  readonly delay: DelayFn = (_ms, signal) => {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.#permits > 0) {
      this.#permits--;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const go = () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      };
      const onAbort = () => {
        this.#waiting = this.#waiting.filter((waiter) => waiter !== go);
        this.aborts.push(signal?.reason);
        reject(signal?.reason);
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.#waiting.push(go);
    });
  };
}
