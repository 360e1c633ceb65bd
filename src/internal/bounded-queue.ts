import { AbortError } from "../errors/abort-error.js";

/**
 * A single-consumer queue with a capacity: `push` returns a promise (only) when the queue is
 * full, so a producer that awaits it is slowed to the consumer's pace instead of growing the
 * queue without bound. `close` ends it after the buffered items; `cancel` (the consumer is gone)
 * drops everything and releases waiting producers.
 */
export class BoundedQueue<T> {
  readonly #capacity: number;
  readonly #items: T[] = [];
  #head = 0;
  #waitingConsumer: ((r: IteratorResult<T>) => void) | undefined;
  #failConsumer: ((e: unknown) => void) | undefined;
  #waitingProducers: (() => void)[] = [];
  #closed = false;
  #cancelled = false;
  #failure: { error: unknown } | undefined;

  constructor(capacity: number) {
    this.#capacity = Math.max(1, capacity);
  }

  get size(): number {
    return this.#items.length - this.#head;
  }

  /** Adds an item; returns a promise to await when the queue is full. Items after close are dropped. */
  push(item: T): Promise<void> | undefined {
    if (this.#closed || this.#cancelled) return undefined;
    const consumer = this.#waitingConsumer;
    if (consumer !== undefined) {
      this.#waitingConsumer = undefined;
      this.#failConsumer = undefined;
      consumer({ done: false, value: item });
      return undefined;
    }
    this.#items.push(item);
    if (this.size < this.#capacity) return undefined;
    return new Promise((resolve) => this.#waitingProducers.push(resolve));
  }

  /** No more items; the consumer sees the end (or `error`) after draining the buffer. */
  close(error?: { error: unknown }): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#failure = error;
    const consumer = this.#waitingConsumer;
    const fail = this.#failConsumer;
    this.#waitingConsumer = undefined;
    this.#failConsumer = undefined;
    if (error !== undefined && fail !== undefined) fail(error.error);
    else consumer?.({ done: true, value: undefined });
    this.#releaseProducers();
  }

  /** The consumer stopped: drop the buffer and let every waiting producer go on. */
  cancel(): void {
    this.#cancelled = true;
    this.#items.length = 0;
    this.#head = 0;
    this.#releaseProducers();
  }

  #releaseProducers(): void {
    const waiting = this.#waitingProducers;
    this.#waitingProducers = [];
    for (const resolve of waiting) resolve();
  }

  /** The next item, waiting for one if needed. */
  next(): Promise<IteratorResult<T>> {
    if (this.size > 0) return Promise.resolve({ done: false, value: this.#shift() });
    return new Promise((resolve, reject) => this.take(resolve, reject));
  }

  /**
   * Hands the next item (or the end) to `deliver` and a failure to `fail`: at once when there is
   * one, else when it comes. For a consumer that makes its own promise for the wait, so a wait
   * costs one promise instead of `next`'s plus the consumer's.
   */
  take(deliver: (result: IteratorResult<T>) => void, fail: (error: unknown) => void): void {
    if (this.size > 0) {
      deliver({ done: false, value: this.#shift() });
    } else if (this.#cancelled) {
      fail(new AbortError("The queue was cancelled"));
    } else if (this.#closed) {
      if (this.#failure) fail(this.#failure.error);
      else deliver({ done: true, value: undefined });
    } else {
      this.#waitingConsumer = deliver;
      this.#failConsumer = fail;
    }
  }

  #shift(): T {
    const item = this.#items[this.#head]!;
    this.#head++;
    if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
      this.#items.splice(0, this.#head);
      this.#head = 0;
    }
    if (this.#waitingProducers.length > 0 && this.size < this.#capacity) this.#waitingProducers.shift()!();
    return item;
  }
}
