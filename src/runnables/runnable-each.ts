import type { RunScope } from "../engine/run-scope.js";
import { InvalidInputError } from "../errors/input-errors.js";
import type { RunListeners } from "./run-listeners.js";
import { Runnable } from "./runnable.js";

/**
 * Applies one runnable to each element of an array input and outputs the array of results, in
 * order (`runnable.map()`, `@langchain/core`'s `RunnableEach`). The elements run as a batch of
 * the bound runnable, children of this run, at most `maxConcurrency` at a time; the first
 * failure fails the whole call. Its output is one value: streaming yields the whole array.
 *
 * @example
 * const shout = RunnableLambda.from((s: string) => s.toUpperCase()).map();
 * await shout.invoke(["a", "b"]); // ["A", "B"]
 */
export class RunnableEach<I = unknown, O = unknown> extends Runnable<I[], O[], O[]> {
  readonly bound: Runnable<I, O, unknown>;

  constructor(fields: { bound: Runnable<I, O, unknown>; name?: string | undefined }) {
    super();
    this.bound = fields.bound;
    if (fields.name !== undefined) this.name = fields.name;
  }

  override async _invoke(inputs: I[], scope: RunScope): Promise<O[]> {
    if (!Array.isArray(inputs)) {
      const got = inputs === null ? "null" : typeof inputs;
      throw new InvalidInputError(
        `${this.getName()} applies ${this.bound.getName()} to each element of an array: pass an array, got ${got}`,
      );
    }
    return this.bound.batch(inputs, scope.childConfig());
  }

  /**
   * Listeners go on the bound runnable, so they run for each element, as in `@langchain/core`;
   * the copy keeps this one's name (LangChain's drops it, so its runs would change name).
   */
  override withListeners(listeners: RunListeners): RunnableEach<I, O> {
    return new RunnableEach({ bound: this.bound.withListeners(listeners), name: this.name });
  }
}
