/** A link of the broadcast's event list; readers hold the link before the next event they read. */
interface BroadcastLink<T> {
  next: BroadcastNode<T> | undefined;
}

interface BroadcastNode<T> extends BroadcastLink<T> {
  readonly value: T;
}

/** Options of {@link EventBroadcast}. */
export interface EventBroadcastOptions<T> {
  /** Opens the source on first demand (so nothing runs until someone reads or awaits). */
  open: () => AsyncIterator<T>;
  /** Sees each item as it is read from the source, before any reader does. */
  onItem: (item: T) => void;
  /** What a reader that joins after items went by receives first, standing for those it missed. */
  catchUp: () => T[];
  /** The error readers and waiters get once the last of them stopped early and the source was closed. */
  cancelledError: () => Error;
}

/**
 * One source read once and given to any number of readers, each of which gets every item.
 * Items live in a singly linked list that only the readers hold: an item is garbage once the
 * slowest reader has passed it, so a single reader keeps nothing behind it (no replay buffer).
 * A reader that joins late starts with `catchUp()` (a compact equivalent of what it missed)
 * and then reads live. The source is pulled on demand by whichever reader needs the next
 * item; when the last reader stops early and nobody waits for the end, the source is closed
 * (its `return()`), which cancels the work behind it.
 */
export class EventBroadcast<T> {
  readonly #options: EventBroadcastOptions<T>;
  #source: AsyncIterator<T> | undefined;
  #tail: BroadcastLink<T> = { next: undefined };
  #started = false;
  #done = false;
  #failure: { error: unknown } | undefined;
  #pull: Promise<void> | undefined;
  /** Readers and waiters still interested in the rest of the stream. */
  #holders = 0;

  constructor(options: EventBroadcastOptions<T>) {
    this.#options = options;
  }

  /** A new reader: every item from now on, after a catch-up when items already went by. */
  reader(): AsyncIterableIterator<T> {
    const pending = this.#started ? this.#options.catchUp() : [];
    let link = this.#tail;
    let position = 0;
    let closed = false;
    this.#holders++;
    const finish = (): IteratorResult<T> => {
      if (!closed) {
        closed = true;
        this.#holders--;
      }
      return { done: true, value: undefined };
    };
    const iterator: AsyncIterableIterator<T> = {
      next: async () => {
        if (position < pending.length) return { done: false, value: pending[position++] as T };
        while (!closed) {
          const node = link.next;
          if (node !== undefined) {
            link = node;
            return { done: false, value: node.value };
          }
          if (this.#done) {
            finish();
            if (this.#failure !== undefined) throw this.#failure.error;
            break;
          }
          await this.#pump();
        }
        return { done: true, value: undefined };
      },
      return: async () => {
        if (closed) return { done: true, value: undefined };
        finish();
        await this.#releaseIfUnwanted();
        return { done: true, value: undefined };
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }

  /** Reads the source to its end (for `await`), holding it open meanwhile; rejects with its error. */
  async drain(): Promise<void> {
    this.#holders++;
    try {
      while (!this.#done) await this.#pump();
    } finally {
      this.#holders--;
    }
    if (this.#failure !== undefined) throw this.#failure.error;
  }

  /** One pull of the source, shared by every reader waiting for the next item. */
  #pump(): Promise<void> {
    this.#pull ??= this.#readOne().finally(() => {
      this.#pull = undefined;
    });
    return this.#pull;
  }

  async #readOne(): Promise<void> {
    try {
      this.#source ??= this.#options.open();
      const result = await this.#source.next();
      if (this.#done) return;
      if (result.done === true) {
        this.#done = true;
        return;
      }
      this.#started = true;
      this.#options.onItem(result.value);
      const node: BroadcastNode<T> = { value: result.value, next: undefined };
      this.#tail.next = node;
      this.#tail = node;
    } catch (error) {
      if (this.#done) return;
      this.#done = true;
      this.#failure = { error };
    }
  }

  /** Closes the source when nobody wants the rest: the last reader left early and nothing awaits the end. */
  async #releaseIfUnwanted(): Promise<void> {
    if (this.#holders > 0 || this.#done) return;
    this.#done = true;
    this.#failure = { error: this.#options.cancelledError() };
    const source = this.#source;
    // Wait for a pull in flight first: a source is not closed under its own pending read.
    await this.#pull;
    await source?.return?.();
  }
}
