import type { RunnableConfig } from "../config/runnable-config.js";
import { callWithContext } from "../engine/call-with-context.js";
import { invokeWithRun } from "../engine/invoke-with-run.js";
import { isAsyncIterable } from "../engine/is-async-iterable.js";
import { iterateWithContext } from "../engine/iterate-with-context.js";
import type { RunScope } from "../engine/run-scope.js";
import type { RunnableShape } from "../engine/runnable-shape.js";
import { streamWithRun } from "../engine/stream-with-run.js";
import { InvalidConfigError, InvalidInputError, RecursionLimitError } from "../errors/input-errors.js";
import { ConcatAggregator } from "../streams/aggregator.js";
import { foldOutput } from "./fold-output.js";
import type { LambdaChunk, LambdaOutput } from "./lambda-output.js";
import { Runnable } from "./runnable.js";

/** A function a RunnableLambda wraps. It may return a value, a promise, a Runnable (which is then run) or an async iterable (streamed out). */
export type RunnableFunc<I, R> = (input: I, config: RunnableConfig) => R;

const DEFAULT_RECURSION_LIMIT = 25;
const CONFIGURED_LIMIT = Symbol("rivulet.configuredRecursionLimit");

/**
 * Wraps a function as a Runnable. The function gets the whole input (a streamed input is
 * aggregated first) and the run's config. Runnables it calls become children of its run without
 * passing the config. If it returns a Runnable, that Runnable is run on the same input; if it
 * returns an async iterable, its items are streamed out as the output chunks.
 *
 * @example
 * const reverseWord = RunnableLambda.from((word: string) => [...word].reverse().join(""));
 */
export class RunnableLambda<I = unknown, O = unknown, C = O> extends Runnable<I, O, C> {
  readonly func: RunnableFunc<I, unknown>;
  override readonly shape: RunnableShape = { input: "chunks", output: "chunks" };

  constructor(fields: { func: RunnableFunc<I, unknown>; name?: string | undefined }) {
    super();
    // Checked here: an untyped caller's mistake would otherwise fail only at the first call.
    if (typeof fields.func !== "function") {
      throw new InvalidInputError(`RunnableLambda needs a function, got ${typeof fields.func}`);
    }
    if (fields.name !== undefined && typeof fields.name !== "string") {
      throw new InvalidConfigError(`name must be a string, got ${typeof fields.name}`);
    }
    this.func = fields.func;
    const name = fields.name ?? (fields.func.name || undefined);
    if (name !== undefined) this.name = name;
  }

  /** Wraps `func`; its name (the function's name by default) names the runs. */
  static from<I, R>(
    func: RunnableFunc<I, R>,
    options?: { name?: string },
  ): RunnableLambda<I, LambdaOutput<R>, LambdaChunk<R>> {
    return new RunnableLambda<I, LambdaOutput<R>, LambdaChunk<R>>({ func, name: options?.name });
  }

  override getName(suffix?: string): string {
    return this.name === undefined ? `RunnableLambda${suffix ?? ""}` : super.getName(suffix);
  }

  /**
   * The config for a Runnable the function returned, one level deeper in the recursion budget.
   * The budget left travels in `recursionLimit` (as in LangChain); the limit the user set is
   * remembered beside it so the error can name it.
   */
  #nestedConfig(scope: RunScope): RunnableConfig {
    const left = scope.config.recursionLimit ?? DEFAULT_RECURSION_LIMIT;
    const remembered: unknown = Reflect.get(scope.config, CONFIGURED_LIMIT);
    const configured = typeof remembered === "number" ? remembered : left;
    if (left <= 0) throw new RecursionLimitError(configured);
    const child = scope.childConfig(undefined, { recursionLimit: left - 1 });
    Reflect.set(child, CONFIGURED_LIMIT, configured);
    return child;
  }

  override async _invoke(input: I, scope: RunScope): Promise<O> {
    const config = scope.childConfig();
    const result: unknown = asyncIfGenerator(await callWithContext(config, (c) => this.func(input, c)));
    if (Runnable.isRunnable(result))
      return (await invokeWithRun(result, input, this.#nestedConfig(scope))) as O;
    if (isAsyncIterable(result)) {
      const chunks = iterateWithContext(config, () => result);
      return foldOutput(chunks, new ConcatAggregator<unknown, O>(), this.getName());
    }
    return result as O;
  }

  override async *_stream(input: I, scope: RunScope): AsyncIterable<C> {
    const config = scope.childConfig();
    const result: unknown = asyncIfGenerator(await callWithContext(config, (c) => this.func(input, c)));
    if (Runnable.isRunnable(result)) {
      yield* streamWithRun(result, { value: input }, this.#nestedConfig(scope)) as AsyncIterable<C>;
    } else if (isAsyncIterable(result)) {
      yield* iterateWithContext(config, () => result as AsyncIterable<C>);
    } else {
      yield result as C;
    }
  }
}

/**
 * A sync generator's values, as an async iterable (so they are streamed, and each step runs in
 * the run's context like an async generator's): `RunnableLambda.from(function* () { ... })`
 * is consumed as `@langchain/core` consumes it. Any other value (an array included) is returned
 * as it is: it is the output, not a stream.
 */
function asyncIfGenerator(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (Object.prototype.toString.call(value) !== "[object Generator]") return value;
  const generator = value as Generator<unknown>;
  return (async function* () {
    yield* generator;
  })();
}
