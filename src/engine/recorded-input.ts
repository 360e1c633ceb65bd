import { FUSE_MAP, type FusesMap, MappedStream } from "../internal/async-streams.js";
import type { Aggregator } from "../streams/aggregator.js";
import { returnQuietly } from "./close-quietly.js";
import type { InputStream } from "./run-input.js";
import type { RunLifecycle } from "./run-lifecycle.js";
import { SerialSteps } from "./serial-steps.js";

const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

/**
 * A streamed-in input that records itself on its run as it passes: each chunk is folded, and
 * when the stream ends, fails or is closed the fold becomes the run's input (for the end event).
 * A plain iterator with `for await`'s closing rules, not a generator: one `.then` per chunk.
 * It hands on `map(chunk)` (the chunk itself as opened), and takes its reader's map into that
 * one before it is read (a parser's text extraction), so the two cost one step.
 */
export class RecordedInput<I, O = I> extends SerialSteps<O> implements AsyncIterableIterator<O>, FusesMap<O> {
  readonly #input: InputStream<I>;
  readonly #lifecycle: RunLifecycle;
  readonly #map: (chunk: I) => O;
  #aggregator: Aggregator<I, I> | undefined;
  #source: AsyncIterator<I> | undefined;

  constructor(input: InputStream<I>, lifecycle: RunLifecycle, map: (chunk: I) => O) {
    super();
    this.#input = input;
    this.#lifecycle = lifecycle;
    this.#map = map;
  }

  [FUSE_MAP]<U>(map: (value: O) => U): AsyncIterableIterator<U> {
    if (this.#source !== undefined) return new MappedStream(this, map);
    const own = this.#map;
    return new RecordedInput(this.#input, this.#lifecycle, (chunk: I) => map(own(chunk)));
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  protected override step(): Promise<IteratorResult<O>> {
    let pending: Promise<IteratorResult<I>>;
    try {
      if (this.#source === undefined) {
        this.#aggregator = this.#input.aggregator();
        this.#source = this.#input.stream[Symbol.asyncIterator]();
      }
      pending = Promise.resolve(this.#source.next());
    } catch (error) {
      return this.#failed(error);
    }
    return pending.then(this.#onStep, this.#onError);
  }

  readonly #onStep = (step: IteratorResult<I>): IteratorResult<O> | Promise<IteratorResult<O>> => {
    if (step.done) {
      this.complete();
      try {
        this.#record();
      } finally {
        this.release();
      }
      return DONE;
    }
    let value: O;
    try {
      this.#aggregator!.add(step.value);
      value = this.#map(step.value);
    } catch (error) {
      // The source is paused at this chunk: close it, as `for await` does when its body throws.
      return this.#closeSource().then(() => this.#failed(error));
    }
    return this.settle({ done: false, value });
  };

  readonly #onError = (error: unknown): Promise<never> => this.#failed(error);

  /** Records the fold (once the input ended, failed or was closed) and rejects with `error`. */
  async #failed(error: unknown): Promise<never> {
    this.complete();
    try {
      this.#record();
      throw error;
    } finally {
      this.release();
    }
  }

  #record(): void {
    if (this.#aggregator !== undefined) this.#lifecycle.setInput(this.#aggregator.result());
  }

  /** Closes the source after a failure here: a failure while closing is not this one's error. */
  #closeSource(): Promise<void> {
    return this.#source === undefined ? Promise.resolve() : returnQuietly(this.#source);
  }

  /** `return` between chunks: close the source (its failure is this call's), then record. */
  protected override async close(): Promise<void> {
    try {
      await this.#source?.return?.();
    } finally {
      this.#record();
    }
  }

  /** `throw` between chunks: close the source quietly, record, and reject with `error`. */
  protected override async raise(error: unknown): Promise<never> {
    await this.#closeSource();
    return this.#failed(error);
  }
}
