/**
 * Hooks for the web-stream side: `onWebRead` runs before the first read through a reader, and
 * `onCancel` when the reader cancels (so work in flight can be aborted, not just abandoned).
 */
export interface WebReadHooks {
  onWebRead?: () => void;
  onCancel?: (reason: unknown) => void;
}

/**
 * The stream `Runnable.stream()` returns: a web `ReadableStream` (so it can be piped, teed or
 * returned from a `fetch` handler) that is also an async iterable. Iterating it with
 * `for await` reads the underlying generator directly, skipping the web-stream queue, and
 * breaking out of the loop cancels the work upstream.
 *
 * Its iterator type is written here, not read from the lib's `ReadableStream`: only Node's types
 * and DOM's async-iterable lib give `ReadableStream` an async iterator, so a browser app
 * (`lib: ["dom", "dom.iterable"]`) failed on a type read from it, or, with `skipLibCheck`, saw
 * every chunk as `any`. `AsyncIteratorObject<T, BuiltinIteratorReturn, unknown>` is the type
 * both libs build their stream iterators on (TypeScript 5.6+), so the override still matches
 * them where they exist (with `Symbol.asyncDispose` exactly when the lib declares it).
 *
 * @example
 * for await (const chunk of await chain.stream({ topic: "parrots" })) process.stdout.write(chunk);
 */
export class IterableReadableStream<T> extends ReadableStream<T> implements AsyncIterable<T> {
  readonly #source: AsyncIterator<T>;
  #taken = false;

  constructor(source: AsyncIterator<T>, hooks: WebReadHooks = {}) {
    let reading = false;
    // highWaterMark 0: nothing is pulled before somebody reads, so the work starts lazily.
    super(
      {
        pull: async (controller) => {
          if (!reading) {
            reading = true;
            hooks.onWebRead?.();
          }
          const r = await source.next();
          if (r.done) controller.close();
          else controller.enqueue(r.value);
        },
        cancel: async (reason: unknown) => {
          // A read may be pending (a client disconnected mid-token): abort it, then close.
          hooks.onCancel?.(reason);
          await source.return?.(undefined);
        },
      },
      { highWaterMark: 0 },
    );
    this.#source = source;
  }

  override [Symbol.asyncIterator](): AsyncIteratorObject<T, BuiltinIteratorReturn, unknown> {
    if (this.locked || this.#taken) {
      throw new TypeError("This stream is already being read; a stream can be iterated once.");
    }
    this.#taken = true;
    // Lock the web side so the two ways of reading cannot interleave.
    this.getReader();
    // The source is an async iterator that is its own iterable (a generator, or a run's stream).
    return this.#source as AsyncIteratorObject<T, BuiltinIteratorReturn, unknown>;
  }

  /** Same as `[Symbol.asyncIterator]`; matches `ReadableStream.values()`. */
  override values(): AsyncIteratorObject<T, BuiltinIteratorReturn, unknown> {
    return this[Symbol.asyncIterator]();
  }

  /** Wraps any async iterable. */
  static fromAsyncGenerator<T>(generator: AsyncGenerator<T>): IterableReadableStream<T> {
    return new IterableReadableStream(generator);
  }
}
