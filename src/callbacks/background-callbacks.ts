/**
 * Handler work that no run waits for: the promises of handlers that are not awaited (the
 * default), kept until they settle so {@link awaitAllCallbacks} can wait for them. Each one
 * is already guarded (a failure is reported, never rejected), so none can reject here.
 */
const pending = new Set<Promise<unknown>>();

/** Keeps `work` until it settles, so {@link awaitAllCallbacks} waits for it. */
export function trackBackgroundCallback(work: Promise<unknown>): void {
  pending.add(work);
  const forget = (): void => {
    pending.delete(work);
  };
  work.then(forget, forget);
}

/** Options of {@link awaitAllCallbacks}. */
export interface AwaitAllCallbacksOptions {
  /** Stop waiting when this aborts (the work goes on in the background). */
  readonly signal?: AbortSignal | undefined;
}

/**
 * Resolves once every callback that runs in the background has finished: the handlers and
 * observers that a run does not wait for (Rivulet calls handlers without waiting unless they
 * set `awaitHandlers` or `raiseError`, as `@langchain/core` backgrounds them). Call it before a
 * serverless function returns or a script exits, or in a test before checking what an async
 * handler recorded. It never rejects (a failing handler was reported when it failed), and
 * work started while it waits is waited for too. A handler that never settles (an upload to an
 * endpoint that does not answer) would keep it waiting: give a `signal`
 * (`AbortSignal.timeout(5000)`) to bound the wait; it then resolves to `false`.
 *
 * @example
 * await chain.invoke(input, { callbacks: [slowUploader] });
 * await awaitAllCallbacks({ signal: AbortSignal.timeout(5000) }); // true: slowUploader finished
 */
export async function awaitAllCallbacks(options: AwaitAllCallbacksOptions = {}): Promise<boolean> {
  const signal = options.signal;
  if (signal === undefined) {
    while (pending.size > 0) await Promise.allSettled([...pending]);
    return true;
  }
  const stopped = new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener("abort", () => resolve(), { once: true });
  });
  while (pending.size > 0 && !signal.aborted) await Promise.race([Promise.allSettled([...pending]), stopped]);
  return pending.size === 0;
}

/**
 * Runs one piece of callback work, as `@langchain/core`'s `consumeCallback` does: awaited when
 * `wait` is true, otherwise in the background (its failure is logged as one line, and
 * {@link awaitAllCallbacks} waits for it).
 *
 * @example
 * await consumeCallback(() => upload(run), false); // returns at once
 */
export async function consumeCallback(work: () => unknown, wait: boolean): Promise<void> {
  if (wait) {
    await work();
    return;
  }
  const guarded = Promise.resolve()
    .then(work)
    .then(undefined, (error: unknown) => {
      console.warn(`A background callback failed: ${String(error)}`);
    });
  trackBackgroundCallback(guarded);
}
