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

const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

/**
 * Streams `runnable` on `input` with an observer that turns its runs into items (events, log
 * patches) and yields those items. The observer pushes into a bounded queue and is awaited, so a
 * slow reader slows the chain. If the chain fails, the items so far are yielded and then the
 * original error is thrown. If the reader stops early (or `signal` aborts), the work in flight is
 * cancelled, and every run that started is closed before the stream's `return` resolves.
 */
export function observeRun<T>(
  runnable: RunnableCore<unknown, unknown, unknown>,
  input: unknown,
  base: RunnableConfig,
  makeObserver: (queue: BoundedQueue<T>, rootId: string) => RunObserver,
): AsyncGenerator<T> {
  return new ObservedRun(runnable, input, base, makeObserver);
}

/**
 * `observeRun`'s stream: a plain iterator over the queue rather than an async generator, so an
 * item costs the queue's one promise. Nothing starts before the first `next` (as a generator's
 * body would not); `return` or `throw` after it cancels the run and resolves once the pump, and so
 * every run it started, has finished; after the end, an error or a stop every call is done.
 */
class ObservedRun<T> implements AsyncGenerator<T> {
  readonly #runnable: RunnableCore<unknown, unknown, unknown>;
  readonly #input: unknown;
  readonly #base: RunnableConfig;
  readonly #makeObserver: (queue: BoundedQueue<T>, rootId: string) => RunObserver;
  #started: { queue: BoundedQueue<T>; stop: AbortController; pump: Promise<void> } | undefined;
  #finished = false;
  /** A `next` waiting on an empty queue: later calls wait for it, as a generator's would. */
  #waiting: Promise<IteratorResult<T>> | undefined;
  #settleWait: ((result: IteratorResult<T> | Promise<IteratorResult<T>>) => void) | undefined;

  constructor(
    runnable: RunnableCore<unknown, unknown, unknown>,
    input: unknown,
    base: RunnableConfig,
    makeObserver: (queue: BoundedQueue<T>, rootId: string) => RunObserver,
  ) {
    this.#runnable = runnable;
    this.#input = input;
    this.#base = base;
    this.#makeObserver = makeObserver;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<T>> {
    if (this.#waiting !== undefined) return this.#afterWaiting(() => this.next());
    if (this.#finished) return Promise.resolve(DONE);
    this.#started ??= this.#start();
    const queue = this.#started.queue;
    // While items are buffered the queue's promise is the whole cost; at the end (or on the
    // chain's error) the stream is finished once the pump is.
    if (queue.size > 0) return queue.next();
    // Waiting: one promise of our own, settled by the queue when the next item (or the end) comes.
    const waiting = new Promise<IteratorResult<T>>((resolve) => {
      this.#settleWait = resolve;
    });
    this.#waiting = waiting;
    queue.take(this.#onWaited, this.#onFailed);
    return waiting;
  }

  readonly #onWaited = (result: IteratorResult<T>): void => {
    const settle = this.#endWait();
    if (result.done !== true) settle(result);
    else settle(this.#finish().then(() => DONE));
  };

  readonly #onFailed = (error: unknown): void => {
    this.#endWait()(
      this.#stop().then(() => {
        throw error;
      }),
    );
  };

  #endWait(): (result: IteratorResult<T> | Promise<IteratorResult<T>>) => void {
    const settle = this.#settleWait!;
    this.#settleWait = undefined;
    this.#waiting = undefined;
    return settle;
  }

  /** Runs `call` once the `next` in flight has settled. */
  #afterWaiting(call: () => Promise<IteratorResult<T>>): Promise<IteratorResult<T>> {
    return this.#waiting!.then(call, call);
  }

  /** The reader stopped early: cancel the work in flight and wait until every run is closed. */
  return(): Promise<IteratorResult<T>> {
    if (this.#waiting !== undefined) return this.#afterWaiting(() => this.return());
    return this.#stop().then(() => DONE);
  }

  /** Throws into the stream: stops it as `return` does, then rejects with `error`. */
  throw(error?: unknown): Promise<IteratorResult<T>> {
    if (this.#waiting !== undefined) return this.#afterWaiting(() => this.throw(error));
    return this.#stop().then(() => {
      throw error;
    });
  }

  #start(): { queue: BoundedQueue<T>; stop: AbortController; pump: Promise<void> } {
    const queue = new BoundedQueue<T>(QUEUE_CAPACITY);
    const stop = new AbortController();
    const rootId = this.#base.runId ?? uuidv7();
    const config = mergeConfigs(this.#base, {
      callbacks: [this.#makeObserver(queue, rootId)],
      runId: rootId,
      signal: stop.signal,
    });
    return {
      queue,
      stop,
      pump: pump(streamWithRun(this.#runnable, { value: this.#input }, config, { root: true }), queue),
    };
  }

  /** The queue ended: wait for the pump (it closed the queue as its last step). */
  async #finish(): Promise<void> {
    this.#finished = true;
    await this.#started?.pump;
  }

  /** Stops the pump (abort, cancel the queue) and waits for it, so every started run is closed. */
  async #stop(): Promise<void> {
    if (this.#finished) return;
    this.#finished = true;
    const started = this.#started;
    if (started === undefined) return;
    started.stop.abort(new AbortError("The consumer stopped reading"));
    started.queue.cancel();
    await started.pump;
  }
}

/** Reads the root's stream to its end (the items reach the queue through the observer), then closes the queue. */
async function pump<T>(stream: AsyncIterable<unknown>, queue: BoundedQueue<T>): Promise<void> {
  try {
    for await (const _ of stream) {
      // nothing to do here: the chunks reach the reader through the observer
    }
    queue.close();
  } catch (error) {
    queue.close({ error });
  }
}
