import { AbortError, isAbortError } from "../errors/abort-error.js";
import { abortErrorOf } from "../internal/abort.js";
import type { Aggregator } from "../streams/aggregator.js";
import { closeQuietly, returnQuietly } from "./close-quietly.js";
import type { OpenedRun } from "./open-streamed-run.js";
import type { RunLifecycle } from "./run-lifecycle.js";
import type { RunOutputStream } from "./run-output-stream.js";
import { SerialSteps } from "./serial-steps.js";
import { settled } from "./settled.js";
import type { StreamWithRunOptions } from "./stream-with-run-options.js";

/**
 * Drives an opened run: folds and reports each chunk before handing it on, and closes the run
 * however the stream ends (last chunk, error, or the consumer stopping early). Chunks are
 * reported when the runnable's output is chunks or the run is the root of a `stream()` call.
 */
export function driveStreamedRun<I, O, C>(
  opened: OpenedRun<I, O, C>,
  options: StreamWithRunOptions,
): RunOutputStream<C> {
  return new DrivenRun(opened, options);
}

/**
 * `driveStreamedRun`'s stream: a plain iterator rather than an async generator, so a chunk costs
 * one `.then` on the source's promise at this level (two when the level races the signal)
 * instead of a generator's three to four promises. It keeps a generator's semantics where they
 * matter for closing: calls made while a step is in flight wait for it (`SerialSteps`), `return`
 * before the first `next` does nothing, and once the run is closed every call is done.
 */
class DrivenRun<I, O, C> extends SerialSteps<C> implements RunOutputStream<C> {
  readonly #opened: OpenedRun<I, O, C>;
  readonly #lifecycle: RunLifecycle;
  readonly #source: AsyncIterator<C>;
  readonly #aggregator: Aggregator<C, O> | undefined;
  readonly #report: boolean;
  readonly #signal: AbortSignal | undefined;
  /** Whether each read races the signal (the source may await something that is not a child run). */
  readonly #raced: boolean;
  #listening = false;
  /** Settles the read in flight when it races the signal; cleared once either side wins. */
  #resolveRace: ((result: IteratorResult<C> | Promise<IteratorResult<C>>) => void) | undefined;

  constructor(opened: OpenedRun<I, O, C>, options: StreamWithRunOptions) {
    super();
    const { runnable, lifecycle } = opened;
    this.#opened = opened;
    this.#lifecycle = lifecycle;
    this.#source = opened.source;
    this.#aggregator = lifecycle.observed ? runnable.createAggregator() : undefined;
    this.#report = lifecycle.observed && (options.root === true || runnable.shape.output === "chunks");
    this.#signal = lifecycle.signal;
    this.#raced = this.#signal !== undefined && !runnable.awaitsOnlyChildRuns;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  protected override step(): Promise<IteratorResult<C>> {
    let pending: Promise<IteratorResult<C>>;
    try {
      pending = Promise.resolve(this.#source.next());
    } catch (error) {
      return this.#fail(error);
    }
    if (!this.#raced) return pending.then(this.#onStep, this.#onError);
    const signal = this.#signal!;
    if (signal.aborted) {
      pending.catch(() => {});
      return this.#fail(abortErrorOf(signal));
    }
    if (!this.#listening) {
      // One listener for the whole run (adding and removing one per chunk is measurable).
      this.#listening = true;
      signal.addEventListener("abort", this.#onAbort, { once: true });
    }
    return new Promise((resolve) => {
      this.#resolveRace = resolve;
      pending.then(this.#onRaceStep, this.#onRaceError);
    });
  }

  readonly #onRaceStep = (step: IteratorResult<C>): void => {
    const resolve = this.#resolveRace;
    if (resolve === undefined) return; // the abort won: this read is abandoned
    this.#resolveRace = undefined;
    resolve(this.#onStep(step));
  };

  readonly #onRaceError = (error: unknown): void => {
    const resolve = this.#resolveRace;
    if (resolve === undefined) return; // the abort won: this read's failure is not the run's
    this.#resolveRace = undefined;
    resolve(this.#fail(error));
  };

  readonly #onAbort = (): void => {
    const resolve = this.#resolveRace;
    if (resolve === undefined) return;
    this.#resolveRace = undefined;
    resolve(this.#fail(abortErrorOf(this.#signal!)));
  };

  /** One step of the source: the end of the run, or a chunk folded and reported, then handed on. */
  readonly #onStep = (step: IteratorResult<C>): IteratorResult<C> | Promise<IteratorResult<C>> => {
    try {
      if (step.done) return this.#finish();
      if (this.#signal?.aborted) throw abortErrorOf(this.#signal);
      const chunk = step.value;
      if (this.#aggregator !== undefined) this.#aggregator.add(chunk);
      if (this.#report) {
        // Per chunk: wait only when an observer asked to be waited on.
        const reported = this.#lifecycle.reportChunk(chunk);
        if (reported !== undefined) return reported.then(() => this.#handOn(step), this.#onError);
      }
    } catch (error) {
      return this.#fail(error);
    }
    return this.#handOn(step);
  };

  /** Passes a chunk on; a one-value output ends its run first (see `OpenedRun.oneValue`). */
  #handOn(step: IteratorYieldResult<C>): IteratorResult<C> | Promise<IteratorResult<C>> {
    if (!this.#opened.oneValue) return this.settle(step);
    return this.#endThenHandOn(step);
  }

  async #endThenHandOn(step: IteratorYieldResult<C>): Promise<IteratorResult<C>> {
    // The one-value source is paused after its value: closing it runs nothing more.
    await returnQuietly(this.#source);
    await this.#finish();
    return step;
  }

  readonly #onError = (error: unknown): Promise<never> => this.#fail(error);

  /** `throw` into the stream while it is paused between chunks fails the run with that error. */
  protected override raise(error: unknown): Promise<never> {
    return this.#fail(error);
  }

  #stopListening(): void {
    if (!this.#listening) return;
    this.#listening = false;
    this.#signal!.removeEventListener("abort", this.#onAbort);
  }

  /** The source ended: close what is left of the input, then end the run with the fold. */
  async #finish(): Promise<IteratorResult<C>> {
    this.complete();
    try {
      this.#stopListening();
      // A step may finish without reading all its input: close the rest before ending the run.
      await settled(closeQuietly(this.#opened.closeInput));
      let output: unknown;
      try {
        output = this.#aggregator?.result();
      } catch (error) {
        // An aggregator that cannot fold what it was given fails the run rather than leave it open.
        await settled(this.#lifecycle.fail(error));
        throw error;
      }
      await settled(this.#lifecycle.end(output));
      return { done: true, value: undefined };
    } finally {
      this.release();
    }
  }

  /** The run failed (source, fold, observer or abort): close its children first, then fail it. */
  async #fail(error: unknown): Promise<never> {
    this.complete();
    try {
      await closeAfterError(this.#opened, error);
      await settled(this.#lifecycle.fail(error));
      throw error;
    } finally {
      this.#stopListening();
      this.release();
    }
  }

  /** The consumer stopped early: close upstream first (inner runs end first), then this run. */
  protected override async close(): Promise<void> {
    this.#stopListening();
    await this.#source.return?.()?.catch(() => {});
    await settled(closeQuietly(this.#opened.closeInput));
    await settled(
      this.#lifecycle.fail(new AbortError("The consumer stopped reading the stream before it ended")),
    );
  }
}

/**
 * Before a failed run closes, its children close. After an abort the source may still be running
 * (the abort won the race), so it is asked to stop without being waited on (a generator queues
 * `return` behind a pending `next`), and the child runs, which race the same signal, are awaited.
 * Any other error either came from the source (which has then finished) or was raised here
 * between two chunks (an aggregator, an observer), with the source paused at a `yield`: closing
 * it closes its child runs in order.
 */
async function closeAfterError<I, O, C>(opened: OpenedRun<I, O, C>, error: unknown): Promise<void> {
  const iterator = opened.source;
  if (isAbortError(error)) {
    void iterator.return?.()?.catch(() => {});
    await settled(closeQuietly(opened.closeInput));
    await settled(opened.lifecycle.childrenClosed());
    return;
  }
  // This run fails with the error that stopped it, not with one raised while closing.
  await returnQuietly(iterator);
  await settled(closeQuietly(opened.closeInput));
}
