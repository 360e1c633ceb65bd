import { raceAbort } from "./abort.js";

/**
 * The method of a stream that can take a map into itself: it returns a stream of `map(item)` for
 * each item it would have yielded, folding `map` into a map it already applies instead of adding
 * a layer. Only the stream's one reader may call it, and then reads only what it returns.
 */
export const FUSE_MAP: unique symbol = Symbol("rivulet.fuseMap");

/** A stream with {@link FUSE_MAP}. */
export interface FusesMap<T> {
  [FUSE_MAP]<U>(map: (value: T) => U): AsyncIterableIterator<U>;
}

function fusesMap<T>(iterator: AsyncIterator<T>): iterator is AsyncIterator<T> & FusesMap<T> {
  return FUSE_MAP in iterator && typeof iterator[FUSE_MAP] === "function";
}

/** An async iterable of one value. */
export async function* once<T>(value: T): AsyncGenerator<T> {
  yield value;
}

/** Reads the first item of a stream and gives back a stream that still starts with it. */
export async function peek<T>(source: AsyncIterable<T>): Promise<{
  done: boolean;
  first: T | undefined;
  stream: AsyncIterable<T>;
  close: () => Promise<void> | undefined;
}> {
  const iterator = source[Symbol.asyncIterator]();
  const head = await iterator.next();
  const state: PeekState = { iterator, exhausted: head.done === true };
  // For a caller that stops before the end (or never reads `stream`): closing an unstarted
  // generator would not run its `finally`, so the source is closed directly. Closing a source
  // that already ended is a cheap no-op; it is not tracked per item, to keep `next` free.
  const close = (): Promise<void> | undefined => {
    if (state.exhausted) return undefined;
    state.exhausted = true;
    return Promise.resolve(iterator.return?.()).then(() => undefined);
  };
  if (head.done) return { done: true, first: undefined, stream: emptyStream<T>(), close };
  const first = head.value;
  return { done: false, first, stream: new PeekedStream(state, () => first, iterator), close };
}

/** What a peeked stream and its `close` share: the source, and whether it is already closed. */
interface PeekState {
  readonly iterator: AsyncIterator<unknown>;
  exhausted: boolean;
}

/**
 * The stream `peek` gives back: a plain iterator rather than a generator, so after the first item
 * each `next` is the source's own. It takes a map into itself (`mapStream`): the first item is
 * mapped when served and the rest through the source's own map, so no layer is added.
 */
class PeekedStream<T> implements AsyncIterableIterator<T>, FusesMap<T> {
  readonly #state: PeekState;
  readonly #first: () => T;
  readonly #rest: AsyncIterator<T>;
  #served = false;

  constructor(state: PeekState, first: () => T, rest: AsyncIterator<T>) {
    this.#state = state;
    this.#first = first;
    this.#rest = rest;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<T>> {
    if (this.#served) return this.#rest.next();
    this.#served = true;
    try {
      return Promise.resolve({ done: false, value: this.#first() });
    } catch (error) {
      return Promise.reject(error);
    }
  }

  async return(value?: unknown): Promise<IteratorResult<T>> {
    this.#served = true;
    if (!this.#state.exhausted) {
      this.#state.exhausted = true;
      await this.#state.iterator.return?.(value);
    }
    return { done: true, value: undefined };
  }

  [FUSE_MAP]<U>(map: (value: T) => U): AsyncIterableIterator<U> {
    const first = this.#first;
    const mapped = new PeekedStream(this.#state, () => map(first()), mapIterator(this.#rest, map));
    mapped.#served = this.#served;
    return mapped;
  }
}

async function* emptyStream<T>(): AsyncGenerator<T> {}

/**
 * Interleaves several streams, yielding `[key, item]` as soon as any of them produces one.
 * A stream is asked for its next item only once its last one has been taken by the consumer
 * (when the consumer asks for the next item), so a source does not run ahead of what was
 * handed on: a branch's run ends after the chunk it produced last has gone up. Stopping early
 * (or a failure in one stream) closes all the others.
 */
export async function* mergeKeyed<K, T>(
  sources: ReadonlyArray<readonly [K, AsyncIterable<T>]>,
  signal?: AbortSignal,
): AsyncGenerator<[K, T]> {
  type Step = { index: number; result: IteratorResult<T> };
  const iterators = sources.map(([, s]) => s[Symbol.asyncIterator]());
  const inFlight = new Map<number, Promise<Step>>();
  /** Streams not yet done: in flight, or paused after the item being handed on. */
  const open = new Set<number>();
  const request = (index: number) =>
    inFlight.set(
      index,
      iterators[index]!.next().then((result) => ({ index, result })),
    );
  iterators.forEach((_, i) => {
    open.add(i);
    request(i);
  });
  let finished = false;
  try {
    while (inFlight.size > 0) {
      const { index, result } = await raceAbort(Promise.race(inFlight.values()), signal);
      inFlight.delete(index);
      if (result.done) {
        open.delete(index);
        continue;
      }
      yield [sources[index]![0], result.value];
      request(index);
    }
    finished = true;
  } finally {
    if (!finished) {
      // Close every stream still open; pending `next` calls are abandoned, not awaited, because
      // an async generator queues `return` behind a `next` that may never settle.
      for (const index of open) {
        inFlight.get(index)?.catch(() => {});
        void iterators[index]!.return?.()?.catch(() => {});
      }
    }
  }
}

/**
 * Maps each item of a stream with a plain iterator rather than a generator: one `.then` per
 * item instead of a whole async-generator layer (this sits on the per-token path). A stream that
 * already maps its items (another `mapStream`, a peeked stream, a run's unobserved stream) takes
 * the map into itself, so a chain of maps costs one `.then` per item (a model's id stamping and
 * a parser's text extraction are one step).
 */
export function mapStream<T, U>(source: AsyncIterable<T>, map: (value: T) => U): AsyncIterableIterator<U> {
  return mapIterator(source[Symbol.asyncIterator](), map);
}

/** `mapStream` over an iterator (the one its stream handed out). */
export function mapIterator<T, U>(
  iterator: AsyncIterator<T>,
  map: (value: T) => U,
): AsyncIterableIterator<U> {
  if (fusesMap(iterator)) return iterator[FUSE_MAP](map);
  return new MappedStream(iterator, map);
}

/** `mapStream`'s iterator. */
export class MappedStream<T, U> implements AsyncIterableIterator<U>, FusesMap<U> {
  readonly #source: AsyncIterator<T>;
  readonly #map: (value: T) => U;
  readonly #step = (r: IteratorResult<T>): IteratorResult<U> =>
    r.done === true ? { done: true, value: undefined } : { done: false, value: this.#map(r.value) };

  constructor(source: AsyncIterator<T>, map: (value: T) => U) {
    this.#source = source;
    this.#map = map;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<U>> {
    return this.#source.next().then(this.#step);
  }

  async return(value?: unknown): Promise<IteratorResult<U>> {
    await this.#source.return?.(value);
    return { done: true, value: undefined };
  }

  [FUSE_MAP]<V>(map: (value: U) => V): AsyncIterableIterator<V> {
    const first = this.#map;
    return new MappedStream(this.#source, (value: T) => map(first(value)));
  }
}
