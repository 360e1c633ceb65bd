const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

/**
 * The base of the engine's plain async iterators (a driven run, a recorded input): it gives them
 * an async generator's call semantics without a generator's promises per item. A call made while
 * another is in flight waits for it, in order; `return` or `throw` before the first `next` ends
 * the iterator without closing anything (an unstarted generator skips its `finally`); once the
 * iterator is complete, `next` and `return` are done and `throw` rejects.
 *
 * A subclass implements `step` (one `next`), `close` (`return` while paused between items) and
 * `raise` (`throw` while paused). `step` and `raise` run with the iterator busy and must call
 * `release` once their result is known (`settle` does it for an item); `close` is released here.
 */
export abstract class SerialSteps<T> {
  #busy = false;
  #started = false;
  #completed = false;
  #waiting: (() => void)[] | undefined;

  /** The next item: runs `step` unless a call is in flight (then after it) or the iterator is complete. */
  next(): Promise<IteratorResult<T>> {
    if (this.#busy) return this.#later(() => this.next());
    if (this.#completed) return Promise.resolve(DONE);
    this.#busy = true;
    this.#started = true;
    return this.step();
  }

  /** Stops early: runs `close` when paused between items, and is done. */
  return(value?: unknown): Promise<IteratorResult<T>> {
    if (this.#busy) return this.#later(() => this.return(value));
    const result: IteratorReturnResult<undefined> = { done: true, value: value as undefined };
    if (this.#completed || !this.#started) {
      this.#completed = true;
      return Promise.resolve(result);
    }
    this.#completed = true;
    this.#busy = true;
    return this.close().then(
      () => {
        this.release();
        return result;
      },
      (error: unknown) => {
        this.release();
        throw error;
      },
    );
  }

  /** Throws into the iterator: runs `raise` when paused between items, else rejects with `error`. */
  throw(error?: unknown): Promise<IteratorResult<T>> {
    if (this.#busy) return this.#later(() => this.throw(error));
    if (this.#completed || !this.#started) {
      this.#completed = true;
      return Promise.reject(error);
    }
    this.#busy = true;
    return this.raise(error);
  }

  /** One `next`, with the iterator busy; calls `release` (or `settle`) once its result is known. */
  protected abstract step(): Promise<IteratorResult<T>>;

  /** `return` while paused between items: close upstream and the run. */
  protected abstract close(): Promise<void>;

  /** `throw` while paused between items; calls `release` once settled. */
  protected abstract raise(error: unknown): Promise<IteratorResult<T>>;

  /** Marks the iterator complete: later calls are done. */
  protected complete(): void {
    this.#completed = true;
  }

  /** Ends the current call with `result` and lets the next waiting call in. */
  protected settle<R extends IteratorResult<T>>(result: R): R {
    this.release();
    return result;
  }

  /** Ends the current call and runs the next waiting one, if any. */
  protected release(): void {
    this.#busy = false;
    const waiting = this.#waiting;
    if (waiting !== undefined && waiting.length > 0) waiting.shift()!();
  }

  #later(call: () => Promise<IteratorResult<T>>): Promise<IteratorResult<T>> {
    return new Promise((resolve, reject) => {
      this.#waiting ??= [];
      this.#waiting.push(() => {
        call().then(resolve, reject);
      });
    });
  }
}
