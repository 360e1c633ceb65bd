import { continueStream } from "../engine/continue-stream.js";
import { invokeWithRun } from "../engine/invoke-with-run.js";
import type { RunScope } from "../engine/run-scope.js";
import type { RunnableShape } from "../engine/runnable-shape.js";
import { startStream } from "../engine/start-stream.js";
import { streamWithRun } from "../engine/stream-with-run.js";
import { isAbortError } from "../errors/abort-error.js";
import { InvalidConfigError } from "../errors/input-errors.js";
import type { RunnableSchema } from "../schema/runnable-schema.js";
import type { Aggregator } from "../streams/aggregator.js";
import type { FallbackOptions } from "./factories.js";
import { Runnable } from "./runnable.js";

/** Throws unless the options can work: an untyped caller can pass anything, and it would fail only at the call. */
function checkFallbackOptions(options: FallbackOptions): void {
  const { fallbacks, handleIf, name } = options;
  if (!Array.isArray(fallbacks)) {
    throw new InvalidConfigError(`fallbacks must be an array of runnables, got ${typeof fallbacks}`);
  }
  fallbacks.forEach((fallback: unknown, i) => {
    if (!Runnable.isRunnable(fallback)) {
      throw new InvalidConfigError(
        `fallbacks[${i}] must be a runnable, got ${typeof fallback}: wrap a function with RunnableLambda.from`,
      );
    }
  });
  if (handleIf !== undefined && typeof handleIf !== "function") {
    throw new InvalidConfigError(`handleIf must be a function, got ${typeof handleIf}`);
  }
  if (name !== undefined && typeof name !== "string") {
    throw new InvalidConfigError(`name must be a string, got ${typeof name}`);
  }
}

/**
 * Tries runnables in order until one succeeds (`withFallbacks`). Under streaming, a runnable
 * that fails before its first chunk hands over to the next; the run ends with the output that
 * was really streamed (LangChain.js ends with `{}`). If all fail, the first error is thrown.
 *
 * @example
 * const model = primary.withFallbacks([backup]);
 */
export class RunnableWithFallbacks<I = unknown, O = unknown, C = O> extends Runnable<I, O, C> {
  readonly runnable: Runnable<I, O, C>;
  readonly fallbacks: readonly Runnable<I, O, C>[];
  readonly handleIf: (error: unknown) => boolean;
  override readonly shape: RunnableShape = { input: "whole", output: "chunks" };

  constructor(runnable: Runnable<I, O, C>, options: FallbackOptions<I, O, C>) {
    super();
    checkFallbackOptions(options);
    this.runnable = runnable;
    this.fallbacks = options.fallbacks;
    this.handleIf = options.handleIf ?? ((e) => !isAbortError(e));
    if (options.name !== undefined) this.name = options.name;
  }

  get candidates(): Runnable<I, O, C>[] {
    return [this.runnable, ...this.fallbacks];
  }

  /** The wrapped runnable's input schema. */
  override getInputSchema(): RunnableSchema | undefined {
    return this.runnable.getInputSchema();
  }

  /** The wrapped runnable's output schema. */
  override getOutputSchema(): RunnableSchema | undefined {
    return this.runnable.getOutputSchema();
  }

  override createAggregator(): Aggregator<C, O> {
    return this.runnable.createAggregator();
  }

  override async _invoke(input: I, scope: RunScope): Promise<O> {
    let firstError: unknown;
    for (const candidate of this.candidates) {
      try {
        return await invokeWithRun(candidate, input, scope.childConfig());
      } catch (error) {
        if (!this.handleIf(error)) throw error;
        firstError ??= error;
      }
    }
    throw firstError;
  }

  override async *_stream(input: I, scope: RunScope): AsyncIterable<C> {
    let firstError: unknown;
    for (const candidate of this.candidates) {
      const stream = streamWithRun(candidate, { value: input }, scope.childConfig());
      const start = await startStream(stream);
      if (!start.ok) {
        if (!this.handleIf(start.error)) throw start.error;
        firstError ??= start.error;
        continue;
      }
      yield* continueStream(start.first, stream);
      return;
    }
    throw firstError;
  }
}
