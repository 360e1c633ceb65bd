import type { RunObserver } from "../callbacks/run-observer.js";
import { mergeConfigs } from "../config/merge-configs.js";
import type { RunnableConfig } from "../config/runnable-config.js";
import type { RunnableCore } from "../engine/runnable-core.js";
import { streamWithRun } from "../engine/stream-with-run.js";
import { AbortError } from "../errors/abort-error.js";
import { BoundedQueue } from "../internal/bounded-queue.js";
import { uuidv7 } from "../internal/uuid-v7.js";

/** How far a chain may run ahead of a slow consumer, in queued items. */
const QUEUE_CAPACITY = 64;

/**
 * Streams `runnable` on `input` with an observer that turns its runs into items (events, log
 * patches) and yields those items. The observer pushes into a bounded queue and is awaited, so a
 * slow reader slows the chain. If the chain fails, the items so far are yielded and then the
 * original error is thrown. If the reader stops early (or `signal` aborts), the work in flight is
 * cancelled, and every run that started is closed before this generator returns.
 */
export async function* observeRun<T>(
  runnable: RunnableCore<unknown, unknown, unknown>,
  input: unknown,
  base: RunnableConfig,
  makeObserver: (queue: BoundedQueue<T>, rootId: string) => RunObserver,
): AsyncGenerator<T> {
  const queue = new BoundedQueue<T>(QUEUE_CAPACITY);
  const stop = new AbortController();
  const rootId = base.runId ?? uuidv7();
  const config = mergeConfigs(base, {
    callbacks: [makeObserver(queue, rootId)],
    runId: rootId,
    signal: stop.signal,
  });
  const pump = (async () => {
    try {
      // The chunks reach the reader through the observer (the root's stream notifications).
      for await (const _ of streamWithRun(runnable, { value: input }, config, { root: true })) {
        // nothing to do here
      }
      queue.close();
    } catch (error) {
      queue.close({ error });
    }
  })();
  let finished = false;
  try {
    for (;;) {
      const next = await queue.next();
      if (next.done) break;
      yield next.value;
    }
    finished = true;
  } finally {
    if (!finished) {
      stop.abort(new AbortError("The consumer stopped reading"));
      queue.cancel();
    }
    await pump;
  }
}
