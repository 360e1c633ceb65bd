import { raceAbort } from "./abort.js";

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
  let exhausted = head.done === true;
  // For a caller that stops before the end (or never reads `stream`): closing an unstarted
  // generator would not run its `finally`, so the source is closed directly. Closing a source
  // that already ended is a cheap no-op; it is not tracked per item, to keep `next` free.
  const close = (): Promise<void> | undefined => {
    if (exhausted) return undefined;
    exhausted = true;
    return Promise.resolve(iterator.return?.()).then(() => undefined);
  };
  if (head.done) return { done: true, first: undefined, stream: emptyStream<T>(), close };
  const first = head.value;
  let served = false;
  // A plain iterator rather than a generator: after the first item, each `next` is the source's own.
  const stream: AsyncIterableIterator<T> = {
    [Symbol.asyncIterator]() {
      return this;
    },
    next() {
      if (!served) {
        served = true;
        return Promise.resolve({ done: false, value: first });
      }
      return iterator.next();
    },
    async return(value?: unknown) {
      served = true;
      if (!exhausted) {
        exhausted = true;
        await iterator.return?.(value);
      }
      return { done: true, value: undefined };
    },
  };
  return { done: false, first, stream, close };
}

async function* emptyStream<T>(): AsyncGenerator<T> {}

/**
 * Interleaves several streams, yielding `[key, item]` as soon as any of them produces one.
 * Stopping early (or a failure in one stream) closes all the others.
 */
export async function* mergeKeyed<K, T>(
  sources: ReadonlyArray<readonly [K, AsyncIterable<T>]>,
  signal?: AbortSignal,
): AsyncGenerator<[K, T]> {
  type Step = { index: number; result: IteratorResult<T> };
  const iterators = sources.map(([, s]) => s[Symbol.asyncIterator]());
  const inFlight = new Map<number, Promise<Step>>();
  const request = (index: number) =>
    inFlight.set(
      index,
      iterators[index]!.next().then((result) => ({ index, result })),
    );
  iterators.forEach((_, i) => {
    request(i);
  });
  let finished = false;
  try {
    while (inFlight.size > 0) {
      const { index, result } = await raceAbort(Promise.race(inFlight.values()), signal);
      if (result.done) {
        inFlight.delete(index);
        continue;
      }
      request(index);
      yield [sources[index]![0], result.value];
    }
    finished = true;
  } finally {
    if (!finished) {
      // Close every stream still open; their pending `next` calls are abandoned, not awaited,
      // because an async generator queues `return` behind a `next` that may never settle.
      for (const [index] of inFlight) {
        inFlight.get(index)?.catch(() => {});
        void iterators[index]!.return?.().catch(() => {});
      }
    }
  }
}

/**
 * Maps each item of a stream with a plain iterator rather than a generator: one `.then` per
 * item instead of a whole async-generator layer (this sits on the per-token path).
 */
export function mapStream<T, U>(source: AsyncIterable<T>, map: (value: T) => U): AsyncIterableIterator<U> {
  const iterator = source[Symbol.asyncIterator]();
  const step = (r: IteratorResult<T>): IteratorResult<U> =>
    r.done === true ? { done: true, value: undefined } : { done: false, value: map(r.value) };
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    next: () => iterator.next().then(step),
    async return(value?: unknown) {
      await iterator.return?.(value);
      return { done: true, value: undefined };
    },
  };
}
