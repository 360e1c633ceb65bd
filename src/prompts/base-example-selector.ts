import type { InputValues } from "./prompt-variables.js";

/** One few-shot example: the values its example prompt is formatted with. */
export type Example = Record<string, string>;

/**
 * Picks the examples a few-shot prompt shows for a given input (by similarity, by length, ...),
 * as `@langchain/core`'s example selectors do. `selectExamples` receives the prompt's merged
 * variables; `addExample` adds one to the pool.
 *
 * @example
 * class FirstTwo extends BaseExampleSelector {
 *   constructor(readonly pool: Example[]) { super(); }
 *   async addExample(example: Example) { this.pool.push(example); }
 *   async selectExamples() { return this.pool.slice(0, 2); }
 * }
 */
export abstract class BaseExampleSelector {
  /** Adds an example to the ones this selector picks from. */
  // biome-ignore lint/suspicious/noConfusingVoidType: @langchain/core's signature; an async method that returns nothing must fit it.
  abstract addExample(example: Example): Promise<void | string>;
  /** The examples to show for these input values. */
  abstract selectExamples(input: InputValues): Promise<Example[]>;
}
