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

/**
 * Resolves once every callback that runs in the background has finished: the handlers and
 * observers that a run does not wait for (Rivulet calls handlers without waiting unless they
 * set `awaitHandlers` or `raiseError`, as `@langchain/core` backgrounds them). Call it before a
 * serverless function returns or a script exits, or in a test before checking what an async
 * handler recorded. It never rejects (a failing handler was reported when it failed), and
 * work started while it waits is waited for too.
 *
 * @example
 * await chain.invoke(input, { callbacks: [slowUploader] });
 * await awaitAllCallbacks(); // slowUploader's handleChainEnd has finished
 */
export async function awaitAllCallbacks(): Promise<void> {
  while (pending.size > 0) await Promise.allSettled([...pending]);
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
