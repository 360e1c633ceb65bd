import { checkNumberOption } from "./check-number-option.js";

/** How far (in items) the fastest copy of a tee may run ahead of the slowest one, by default. */
export const DEFAULT_TEE_CAPACITY = 64;

/** Options of {@link tee}. */
export interface TeeOptions {
  /**
   * How many items the fastest open copy may be ahead of the slowest open one before it waits
   * (default {@link DEFAULT_TEE_CAPACITY}). This bounds the buffer: the slowest reader paces the
   * source.
   */
  capacity?: number;
}

type Waiter = () => void;

/**
 * The shared state of one tee: one buffer of the items some copy has not read yet, and each copy's
 * position in the source (absolute item indexes). The buffer holds at most `capacity` items.
 */
class TeeState<T> {
  readonly #source: AsyncIterator<T>;
  readonly #capacity: number;
  readonly #positions: number[];
  readonly #open: Set<number>;
  #buffer: T[] = [];
  /** Absolute index of `#buffer[#head]`. */
  #base = 0;
  #head = 0;
  #done = false;
  #failure: { error: unknown } | undefined;
  #pulling: Promise<void> | undefined;
  #waiters: Waiter[] = [];

  constructor(source: AsyncIterable<T>, count: number, capacity: number) {
    this.#source = source[Symbol.asyncIterator]();
    this.#capacity = capacity;
    this.#positions = Array.from({ length: count }, () => 0);
    this.#open = new Set(this.#positions.keys());
  }

  async next(copy: number): Promise<IteratorResult<T>> {
    for (;;) {
      if (!this.#open.has(copy)) return { done: true, value: undefined };
      const position = this.#positions[copy]!;
      const offset = position - this.#base + this.#head;
      if (offset < this.#buffer.length) {
        const value = this.#buffer[offset]!;
        this.#positions[copy] = position + 1;
        this.#trim();
        return { done: false, value };
      }
      if (this.#failure !== undefined) throw this.#failure.error;
      if (this.#done) return { done: true, value: undefined };
      if (position - this.#slowest() >= this.#capacity) await this.#waitForSlowest();
      else await this.#pull();
    }
  }

  async close(copy: number): Promise<void> {
    if (!this.#open.delete(copy)) return;
    this.#trim();
    if (this.#open.size === 0 && !this.#done) {
      this.#done = true;
      this.#buffer = [];
      await this.#source.return?.();
    }
  }

  #slowest(): number {
    let slowest = Number.POSITIVE_INFINITY;
    for (const copy of this.#open) slowest = Math.min(slowest, this.#positions[copy]!);
    return slowest;
  }

  /** Drops the items every open copy has read, and wakes copies that waited for the slowest. */
  #trim(): void {
    const slowest = this.#open.size === 0 ? this.#base + this.#buffer.length - this.#head : this.#slowest();
    const drop = slowest - this.#base;
    if (drop > 0) {
      // Items are released by moving the head; the array is compacted once half of it is dead,
      // so each item is copied at most once on average and at most `capacity` dead items linger.
      this.#head += drop;
      this.#base += drop;
      if (this.#head > 32 && this.#head * 2 > this.#buffer.length) {
        this.#buffer = this.#buffer.slice(this.#head);
        this.#head = 0;
      }
      this.#wakeAll();
    }
  }

  #waitForSlowest(): Promise<void> {
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  #pull(): Promise<void> {
    this.#pulling ??= this.#source.next().then(
      (result) => {
        this.#pulling = undefined;
        if (result.done) this.#done = true;
        else if (this.#open.size > 0) this.#buffer.push(result.value);
        this.#wakeAll();
      },
      (error: unknown) => {
        this.#pulling = undefined;
        this.#failure = { error };
        this.#wakeAll();
      },
    );
    return this.#pulling;
  }

  #wakeAll(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const wake of waiters) wake();
  }
}

/**
 * Splits one stream into `count` streams that each see every item. Items are read from the source
 * only when some copy asks, and kept until every open copy has read them; a copy that runs
 * `capacity` items ahead of the slowest open copy waits for it, so memory stays bounded and a slow
 * reader is never starved by a fast one (the slowest reader paces the source). Closing a copy
 * releases what only it still needed; closing the last one closes the source.
 *
 * Each copy is a plain iterator, not a generator, so closing a copy that was never read still
 * takes effect.
 *
 * @example
 * const [forKeys, forMapper] = tee(input, 2);
 */
export function tee<T>(
  source: AsyncIterable<T>,
  count: number,
  options: TeeOptions = {},
): AsyncIterableIterator<T>[] {
  const capacity =
    checkNumberOption("tee capacity", options.capacity, "positive-integer") ?? DEFAULT_TEE_CAPACITY;
  const state = new TeeState(source, count, capacity);
  return Array.from({ length: count }, (_, copy) => ({
    [Symbol.asyncIterator]() {
      return this;
    },
    next: () => state.next(copy),
    async return() {
      await state.close(copy);
      return { done: true, value: undefined };
    },
  }));
}
