import type { RunnableConfig } from "../config/runnable-config.js";
import { InvalidInputError } from "../errors/input-errors.js";
import { peek } from "../internal/async-streams.js";
import { aggregateStream } from "../streams/aggregator.js";
import { closeQuietly } from "./close-quietly.js";
import { RecordedInput } from "./recorded-input.js";
import { resolveBindings } from "./resolve-bindings.js";
import type { InputStream, RunInput } from "./run-input.js";
import { RunLifecycle } from "./run-lifecycle.js";
import type { RunScope } from "./run-scope.js";
import type { RunnableCore } from "./runnable-core.js";
import { settled } from "./settled.js";

/** A streamed run once open: the runnable that runs, the run, and where its chunks come from. */
export interface OpenedRun<I, O, C> {
  /** The runnable that runs (bindings resolved). */
  runnable: RunnableCore<I, O, C>;
  lifecycle: RunLifecycle;
  /** The output chunks: the one iterator taken from what the runnable returned. */
  source: AsyncIterator<C>;
  /** Closes the run's streamed-in input (what it peeked), for a run that settles without draining it. */
  closeInput: (() => Promise<void> | undefined) | undefined;
  /**
   * The source yields exactly one value (`_invoke`'s): the run ends as soon as it has it, before
   * the next step sees it, so a whole-output step (a prompt) ends before the step after it starts.
   */
  oneValue: boolean;
}

/**
 * Starts a run and gets its source. If either step throws (an observer that raises, a `_stream`
 * that throws synchronously), the run is failed, not left open, and the error is rethrown.
 */
async function startRun<C>(
  lifecycle: RunLifecycle,
  source: () => AsyncIterable<C>,
): Promise<AsyncIterator<C>> {
  try {
    await settled(lifecycle.start());
    return iteratorOf(source(), lifecycle);
  } catch (error) {
    await settled(lifecycle.fail(error));
    throw error;
  }
}

/**
 * The iterator of a runnable's output. A plain iterable (an array, a sync generator: what an
 * untyped `_stream` may return) is read as if it were async; anything else is a typed error,
 * raised while the run can still be failed.
 */
function iteratorOf<C>(source: AsyncIterable<C> | Iterable<C>, lifecycle: RunLifecycle): AsyncIterator<C> {
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
  const name = lifecycle.run?.name ?? "A runnable";
  throw new InvalidInputError(
    `${name}'s output stream is not an async iterable (got ${source === null ? "null" : typeof source}): ` +
      "_stream and _transform must return an AsyncIterable, e.g. an async generator",
  );
}

/** Opens a run on a whole input: its output is `_invoke`'s one value, or `_stream`'s chunks. */
async function openWithValue<I, O, C>(
  runnable: RunnableCore<I, O, C>,
  input: I,
  config: RunnableConfig,
): Promise<OpenedRun<I, O, C>> {
  const wholeOutput = runnable.shape.output === "whole";
  const lifecycle = new RunLifecycle({ identity: runnable.runIdentity(config), config, input, wholeOutput });
  const scope = lifecycle.scope;
  const source = await startRun(lifecycle, () =>
    wholeOutput ? invokeOnce(runnable, input, scope) : runnable._stream(input, scope),
  );
  return { runnable, lifecycle, source, closeInput: undefined, oneValue: wholeOutput };
}

async function* invokeOnce<I, O, C>(
  runnable: RunnableCore<I, O, C>,
  input: I,
  scope: RunScope,
): AsyncGenerator<C> {
  yield (await runnable._invoke(input, scope)) as unknown as C;
}

const passThrough = <T>(chunk: T): T => chunk;

async function openWithStream<I, O, C>(
  runnable: RunnableCore<I, O, C>,
  input: InputStream<I>,
  config: RunnableConfig,
): Promise<OpenedRun<I, O, C>> {
  if (runnable.shape.input === "whole") {
    // Aggregating steps (prompts, models, retrievers): the run starts once the input is whole.
    const whole = (await aggregateStream(input.stream, input.aggregator())) as I;
    return openWithValue(runnable, whole, config);
  }
  const head = await peek(input.stream);
  try {
    const lifecycle = new RunLifecycle({
      identity: runnable.runIdentity(config),
      config,
      inputStreamed: true,
      wholeOutput: runnable.shape.output === "whole",
    });
    const inner: InputStream<I> = { stream: head.stream, aggregator: input.aggregator };
    const tracked = lifecycle.observed
      ? { stream: new RecordedInput(inner, lifecycle, passThrough), aggregator: input.aggregator }
      : inner;
    const source = await startRun(lifecycle, () => runnable._transform(tracked, lifecycle.scope));
    return { runnable, lifecycle, source, closeInput: head.close, oneValue: false };
  } catch (error) {
    // The run never opened (aborted meanwhile, or it failed to start): close what was peeked.
    await settled(closeQuietly(head.close));
    throw error;
  }
}

/**
 * Opens one streamed run: resolves bindings, then starts the run with a whole input at once,
 * with a streamed input at its first chunk (transform steps) or after its last (aggregating
 * steps), and takes the iterator of its output.
 */
export function openStreamedRun<I, O, C>(
  runnable: RunnableCore<I, O, C>,
  input: RunInput<I>,
  config: RunnableConfig,
): Promise<OpenedRun<I, O, C>> {
  const [target, resolved] = resolveBindings(runnable, config);
  return input.stream === undefined
    ? openWithValue(target, input.value, resolved)
    : openWithStream(target, input, resolved);
}
