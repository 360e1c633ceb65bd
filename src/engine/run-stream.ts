import { AbortError } from "../errors/abort-error.js";
import { FUSE_MAP, type FusesMap, MappedStream, mapIterator } from "../internal/async-streams.js";
import { closeQuietly, returnQuietly } from "./close-quietly.js";
import { driveStreamedRun } from "./drive-streamed-run.js";
import type { OpenedRun } from "./open-streamed-run.js";
import type { RunInput } from "./run-input.js";
import type { RunOutputStream } from "./run-output-stream.js";
import { settled } from "./settled.js";
import type { StreamWithRunOptions } from "./stream-with-run-options.js";

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * The lazily opened output stream of one run. When nothing observes the run and there is no
 * signal, there is nothing to record, report or cancel, so after opening it hands out its source's
 * iterator directly (no extra async layer per chunk) and the run is closed for its parent
 * (`RunLifecycle.leaveToReader`); otherwise it runs `driveStreamedRun`.
 *
 * Closing is handled here for the two states in which the iterator's own `return` would do
 * nothing: never opened (the streamed-in input is closed, so a producer above it is released)
 * and opened but never read (an async generator that never started skips its `finally`, so the
 * run, already announced to observers, is failed here directly).
 *
 * Unobserved and open, it takes its reader's map (`mapStream`, a parser's text extraction) into
 * its source's own map (a model's id stamping), so the two cost one step per chunk.
 */
export class RunStream<I, O, C> implements RunOutputStream<C>, FusesMap<C> {
  #iterator: AsyncIterator<C> | undefined;
  #direct = false;
  #opened: OpenedRun<I, O, C> | undefined;
  #started = false;
  #opening: Promise<void> | undefined;
  #closed = false;
  readonly #open: () => Promise<OpenedRun<I, O, C>>;
  readonly #input: RunInput<I>;
  readonly #options: StreamWithRunOptions;

  constructor(open: () => Promise<OpenedRun<I, O, C>>, input: RunInput<I>, options: StreamWithRunOptions) {
    this.#open = open;
    this.#input = input;
    this.#options = options;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<C>> {
    if (this.#iterator !== undefined) {
      // Closed while it was opening: the run is over, whatever `next` comes later.
      if (this.#closed && !this.#started) return Promise.resolve(DONE);
      this.#started = true;
      return this.#iterator.next();
    }
    if (this.#closed) return Promise.resolve(DONE);
    this.#opening ??= this.#open().then((opened) => {
      this.#opened = opened;
      this.#direct = opened.lifecycle.leaveToReader();
      this.#iterator = this.#direct ? opened.source : driveStreamedRun(opened, this.#options);
    });
    // Closed while opening: the run is closed by `return`, without ever being read.
    return this.#opening.then(() => (this.#closed ? DONE : this.next()));
  }

  [FUSE_MAP]<U>(map: (value: C) => U): AsyncIterableIterator<U> {
    // Handed out directly, the source is this stream's whole behaviour while it is read.
    if (this.#direct && this.#started && !this.#closed) return mapIterator(this.#iterator!, map);
    return new MappedStream(this, map);
  }

  async return(value?: unknown): Promise<IteratorResult<C>> {
    const wasClosed = this.#closed;
    this.#closed = true;
    if (this.#opening === undefined) {
      if (!wasClosed) await closeInputStream(this.#input);
      return DONE;
    }
    // Still opening (a `next` is in flight): wait for the run to exist, then close it.
    if (this.#iterator === undefined) await this.#opening.catch(() => {});
    const iterator = this.#iterator;
    if (iterator === undefined) return DONE;
    if (!this.#started) {
      if (!wasClosed && this.#opened !== undefined) await closeUnread(this.#opened);
      return DONE;
    }
    return (await iterator.return?.(value)) ?? DONE;
  }
}

/** Closes the input stream of a run that was never opened (its producer may be waiting on it). */
async function closeInputStream<I>(input: RunInput<I>): Promise<void> {
  if (input.stream === undefined) return;
  let iterator: AsyncIterator<I>;
  try {
    iterator = input.stream[Symbol.asyncIterator]();
  } catch {
    return; // a stream that cannot be read (a locked ReadableStream) has nothing to close here
  }
  await returnQuietly(iterator);
}

/** Closes a run that was opened (and announced) but whose output was never read. */
async function closeUnread<I, O, C>(opened: OpenedRun<I, O, C>): Promise<void> {
  await returnQuietly(opened.source);
  await settled(closeQuietly(opened.closeInput));
  await settled(
    opened.lifecycle.fail(new AbortError("The consumer stopped reading the stream before it started")),
  );
}
