import type { RunnableConfig } from "../config/runnable-config.js";
import { AbortError, isAbortError } from "../errors/abort-error.js";
import { InvalidInputError } from "../errors/input-errors.js";
import { AbortGate, abortErrorOf, raceAbort } from "../internal/abort.js";
import { peek } from "../internal/async-streams.js";
import type { Aggregator } from "../streams/aggregator.js";
import { aggregateStream } from "../streams/aggregator.js";
import { RunScope } from "./run-scope.js";
import type { InputStream, RunInput, RunnableCore } from "./runnable-core.js";

type Core<I, O, C> = RunnableCore<I, O, C>;

function resolve<I, O, C>(runnable: Core<I, O, C>, config: RunnableConfig): [Core<I, O, C>, RunnableConfig] {
  let r = runnable;
  let c = config;
  for (let b = r.resolveBinding(c); b !== undefined; b = r.resolveBinding(c)) [r, c] = b;
  return [r, c];
}

async function settled(p: void | Promise<void>): Promise<void> {
  if (p !== undefined) await p;
}

/** Runs `runnable` on a whole input and returns its whole output, as one run. */
export async function invokeWithRun<I, O, C>(
  runnable: Core<I, O, C>,
  input: I,
  config: RunnableConfig,
): Promise<O> {
  const [r, c] = resolve(runnable, config);
  const scope = new RunScope(r.runIdentity(), c, input, true);
  try {
    const started = scope.start();
    if (started !== undefined) await started;
    const output = await raceAbort(r._invoke(input, scope), scope.signal);
    const ended = scope.end(output);
    if (ended !== undefined) await ended;
    return output;
  } catch (error) {
    // On an abort every level's race rejects at once, outermost first: let the child runs
    // (each racing the same signal) close first. User code that ignores the signal is not
    // waited on: only runs are.
    if (isAbortError(error)) await settled(scope.childrenClosed());
    await settled(scope.fail(error));
    throw error;
  }
}

/** How a streamed run begins: its scope and where its output chunks come from. */
interface Opened<C> {
  scope: RunScope;
  /** The output chunks: the one iterator taken from what the runnable returned. */
  source: AsyncIterator<C>;
  /** Closes the run's streamed-in input (what it peeked), for a run that settles without draining it. */
  closeInput: (() => Promise<void> | undefined) | undefined;
}

/**
 * Starts a run and gets its source. If either step throws (an observer that raises, a `_stream`
 * that throws synchronously), the run is failed, not left open, and the error is rethrown.
 */
async function startRun<C>(scope: RunScope, source: () => AsyncIterable<C>): Promise<AsyncIterator<C>> {
  try {
    await settled(scope.start());
    return iteratorOf(source(), scope);
  } catch (error) {
    await settled(scope.fail(error));
    throw error;
  }
}

/**
 * The iterator of a runnable's output. A plain iterable (an array, a sync generator: what an
 * untyped `_stream` may return) is read as if it were async; anything else is a typed error,
 * raised while the run can still be failed.
 */
function iteratorOf<C>(source: AsyncIterable<C> | Iterable<C>, scope: RunScope): AsyncIterator<C> {
  if (typeof source === "object" && source !== null) {
    if (Symbol.asyncIterator in source && typeof source[Symbol.asyncIterator] === "function") {
      return source[Symbol.asyncIterator]();
    }
    if (Symbol.iterator in source && typeof source[Symbol.iterator] === "function") {
      const iterator = source[Symbol.iterator]();
      return {
        next: async () => iterator.next(),
        return: async (value?: unknown) => iterator.return?.(value) ?? { done: true, value: undefined },
      };
    }
  }
  const name = scope.run?.name ?? "A runnable";
  throw new InvalidInputError(
    `${name}'s output stream is not an async iterable (got ${source === null ? "null" : typeof source}): ` +
      "_stream and _transform must return an AsyncIterable, e.g. an async generator",
  );
}

async function openWithValue<I, O, C>(
  r: Core<I, O, C>,
  input: I,
  c: RunnableConfig,
  invoke: boolean,
): Promise<Opened<C>> {
  const scope = new RunScope(r.runIdentity(), c, input, true);
  const source = await startRun(scope, () =>
    invoke ? invokeOnce(r, input, scope) : r._stream(input, scope),
  );
  return { scope, source, closeInput: undefined };
}

async function* invokeOnce<I, O, C>(r: Core<I, O, C>, input: I, scope: RunScope): AsyncGenerator<C> {
  yield (await r._invoke(input, scope)) as unknown as C;
}

/** Records a streamed-in input on the run as it passes, for the end event. */
async function* recordInput<I>(input: InputStream<I>, scope: RunScope): AsyncGenerator<I> {
  const agg: Aggregator<I, I> = input.aggregator();
  try {
    for await (const chunk of input.stream) {
      agg.add(chunk);
      yield chunk;
    }
  } finally {
    scope.setInput(agg.result());
  }
}

async function openWithStream<I, O, C>(
  r: Core<I, O, C>,
  input: InputStream<I>,
  c: RunnableConfig,
): Promise<Opened<C>> {
  if (!r.startsOnFirstChunk) {
    // Aggregating steps (prompts, models, retrievers): the run starts once the input is whole.
    const whole = (await aggregateStream(input.stream, input.aggregator())) as I;
    return openWithValue(r, whole, c, !r.streamsOutput);
  }
  const head = await peek(input.stream);
  try {
    const scope = new RunScope(r.runIdentity(), c, undefined, false);
    const inner: InputStream<I> = { stream: head.stream, aggregator: input.aggregator };
    const tracked = scope.observed
      ? { stream: recordInput(inner, scope), aggregator: input.aggregator }
      : inner;
    const source = await startRun(scope, () => r._transform(tracked, scope));
    return { scope, source, closeInput: head.close };
  } catch (error) {
    // The run never opened (aborted meanwhile, or it failed to start): close what was peeked.
    await settled(closeQuietly(head.close));
    throw error;
  }
}

/** The output stream of one run, as `streamWithRun` hands it out. */
export type RunOutputStream<C> = AsyncIterableIterator<C> & {
  return(value?: unknown): Promise<IteratorResult<C>>;
};

function open<I, O, C>(
  runnable: Core<I, O, C>,
  input: RunInput<I>,
  config: RunnableConfig,
): Promise<[Core<I, O, C>, Opened<C>]> {
  const [r, c] = resolve(runnable, config);
  const opened =
    input.stream === undefined
      ? openWithValue(r, input.value, c, !r.streamsOutput)
      : openWithStream(r, input, c);
  return opened.then((o) => [r, o]);
}

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * The lazily opened output stream of one run. When nothing observes the run and there is no
 * signal, there is nothing to record, report or cancel, so after opening it hands out its source's
 * iterator directly (no extra async layer per chunk); otherwise it runs `runLifecycle`.
 *
 * Closing is handled here for the two states in which the iterator's own `return` would do
 * nothing: never opened (the streamed-in input is closed, so a producer above it is released)
 * and opened but never read (an async generator that never started skips its `finally`, so the
 * run, already announced to observers, is failed here directly).
 */
class RunStream<I, O, C> implements RunOutputStream<C> {
  #iterator: AsyncIterator<C> | undefined;
  #opened: Opened<C> | undefined;
  #started = false;
  #opening: Promise<void> | undefined;
  #closed = false;
  readonly #open: () => Promise<[Core<I, O, C>, Opened<C>]>;
  readonly #input: RunInput<I>;
  readonly #tap: boolean;

  constructor(open: () => Promise<[Core<I, O, C>, Opened<C>]>, input: RunInput<I>, tap: boolean) {
    this.#open = open;
    this.#input = input;
    this.#tap = tap;
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
    this.#opening ??= this.#open().then(([r, opened]) => {
      this.#opened = opened;
      const fast = !opened.scope.observed && opened.scope.signal === undefined;
      this.#iterator = fast ? opened.source : runLifecycle(r, opened, this.#tap);
    });
    // Closed while opening: the run is closed by `return`, without ever being read.
    return this.#opening.then(() => (this.#closed ? DONE : this.next()));
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
async function closeUnread<C>(opened: Opened<C>): Promise<void> {
  await returnQuietly(opened.source);
  await settled(closeQuietly(opened.closeInput));
  await settled(
    opened.scope.fail(new AbortError("The consumer stopped reading the stream before it started")),
  );
}

/** Closes an iterator; a failure while closing is not the run's error (that is reported elsewhere). */
async function returnQuietly(iterator: AsyncIterator<unknown>): Promise<void> {
  try {
    await iterator.return?.();
  } catch {
    // The stream failed while closing.
  }
}

/**
 * Runs `runnable` as one run whose output is streamed. The run opens lazily, when the first
 * chunk is asked for: with a whole input at once, with a streamed input at its first chunk
 * (transform steps) or after its last (aggregating steps). Each output chunk is reported to
 * observers before it is yielded when the run streams natively or `tap` is set. The run ends
 * after its last chunk, fails on an error, and fails with an AbortError when the consumer
 * stops early, so no run is left open.
 */
export function streamWithRun<I, O, C>(
  runnable: Core<I, O, C>,
  input: RunInput<I>,
  config: RunnableConfig | (() => RunnableConfig),
  tap: boolean,
): RunOutputStream<C> {
  return new RunStream(
    () => open(runnable, input, typeof config === "function" ? config() : config),
    input,
    tap,
  );
}

/** Drives an opened run: reports and folds its chunks, and closes it however the stream ends. */
async function* runLifecycle<I, O, C>(r: Core<I, O, C>, opened: Opened<C>, tap: boolean): AsyncGenerator<C> {
  const { scope } = opened;
  const iterator = opened.source;
  const aggregator = scope.observed ? r.createAggregator() : undefined;
  const report = scope.observed && (tap || r.streamsOutput);
  const signal = scope.signal;
  const gate = signal === undefined || r.awaitsOnlyChildRuns ? undefined : new AbortGate(signal);
  let settledRun = false;
  try {
    for (;;) {
      const step = gate === undefined ? await iterator.next() : await gate.race(iterator.next());
      if (step.done) break;
      if (signal?.aborted) throw abortErrorOf(signal);
      const chunk = step.value;
      if (aggregator !== undefined) aggregator.add(chunk);
      if (report) {
        // Per chunk: await only when an observer asked to be (`settled` would add a promise).
        const reported = scope.stream(chunk);
        if (reported !== undefined) await reported;
      }
      yield chunk;
    }
    settledRun = true;
  } catch (error) {
    settledRun = true;
    await closeAfterError(iterator, opened, error);
    await settled(scope.fail(error));
    throw error;
  } finally {
    gate?.dispose();
    if (!settledRun) {
      // The consumer stopped early: close upstream first (inner runs end first), then this run.
      await iterator.return?.()?.catch(() => {});
      await settled(closeQuietly(opened.closeInput));
      await settled(scope.fail(new AbortError("The consumer stopped reading the stream before it ended")));
    }
  }
  // A step may finish without reading all its input: close the rest before ending the run.
  await settled(closeQuietly(opened.closeInput));
  let output: unknown;
  try {
    output = aggregator?.result();
  } catch (error) {
    // An aggregator that cannot fold what it was given fails the run rather than leave it open.
    await settled(scope.fail(error));
    throw error;
  }
  await settled(scope.end(output));
}

/**
 * Before a failed run closes, its children close. After an abort the source may still be running
 * (the abort won the race), so it is asked to stop without being waited on (a generator queues
 * `return` behind a pending `next`), and the child runs, which race the same signal, are awaited.
 * Any other error either came from the source (which has then finished) or was raised here
 * between two chunks (an aggregator, an observer), with the source paused at a `yield`: closing
 * it closes its child runs in order.
 */
async function closeAfterError<C>(
  iterator: AsyncIterator<C>,
  opened: Opened<C>,
  error: unknown,
): Promise<void> {
  if (isAbortError(error)) {
    void iterator.return?.()?.catch(() => {});
    await settled(closeQuietly(opened.closeInput));
    await settled(opened.scope.childrenClosed());
    return;
  }
  // This run fails with the error that stopped it, not with one raised while closing.
  await returnQuietly(iterator);
  await settled(closeQuietly(opened.closeInput));
}

/** Closes an input (a no-op promise-free call when it was already closed or never started). */
function closeQuietly(close: (() => Promise<void> | undefined) | undefined): Promise<void> | undefined {
  return close?.()?.catch(() => {});
}
