import type { RunnableConfig } from "../config/runnable-config.js";
import { callWithContext } from "../engine/call-with-context.js";
import type { InputStream } from "../engine/run-input.js";
import type { RunScope } from "../engine/run-scope.js";
import type { RunnableShape } from "../engine/runnable-shape.js";
import { Runnable } from "./runnable.js";
import { RunnableAssign } from "./runnable-assign.js";
import { RunnableParallel } from "./runnable-parallel.js";
import { RunnablePick } from "./runnable-pick.js";

/**
 * Passes its input through unchanged, chunk by chunk when streamed. An optional `func` is
 * called with the whole input (for side effects). Use `RunnablePassthrough.assign` to add
 * keys to an object input and `RunnablePassthrough.pick` to keep some.
 *
 * @example
 * const chain = RunnableParallel.from({ context: retriever, question: new RunnablePassthrough() });
 */
export class RunnablePassthrough<I = unknown> extends Runnable<I, I, I> {
  readonly func: ((input: I, config: RunnableConfig) => unknown) | undefined;
  override readonly shape: RunnableShape = { input: "chunks", output: "chunks" };

  constructor(fields: { func?: (input: I, config: RunnableConfig) => unknown; name?: string } = {}) {
    super();
    this.func = fields.func;
    if (fields.name !== undefined) this.name = fields.name;
  }

  /** A step that adds the outputs of `mapping`'s runnables (each given the whole input) to an object input. */
  static assign<
    I extends Record<string, unknown>,
    O extends Record<string, unknown> = Record<string, unknown>,
  >(mapping: Record<string, unknown>): RunnableAssign<I, I & O> {
    return new RunnableAssign<I, I & O>(new RunnableParallel({ steps: mapping }));
  }

  /** A step that keeps one key (its value) or several keys (an object) of an object input. */
  static pick<I = Record<string, unknown>, O = unknown>(
    keys: string | readonly string[],
  ): RunnablePick<I, O> {
    return new RunnablePick<I, O>(keys);
  }

  async #sideEffect(input: I, scope: RunScope): Promise<void> {
    const func = this.func;
    if (func !== undefined) await callWithContext(scope.childConfig(), (c) => func(input, c));
  }

  override async _invoke(input: I, scope: RunScope): Promise<I> {
    await this.#sideEffect(input, scope);
    return input;
  }

  override async *_stream(input: I, scope: RunScope): AsyncIterable<I> {
    await this.#sideEffect(input, scope);
    yield input;
  }

  override async *_transform(input: InputStream<I>, scope: RunScope): AsyncIterable<I> {
    const agg = this.func === undefined ? undefined : input.aggregator();
    for await (const chunk of input.stream) {
      agg?.add(chunk);
      yield chunk;
    }
    if (agg !== undefined) await this.#sideEffect(agg.result() as I, scope);
  }
}
