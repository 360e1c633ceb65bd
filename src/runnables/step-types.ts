import type { LambdaChunk, LambdaOutput } from "./lambda-output.js";
import type { MapOutput } from "./map-output.js";
import type { Runnable } from "./runnable.js";

/**
 * What a step of a chain takes, for each thing `RunnableSequence.from`, `RunnableParallel.from`
 * and `pipe` accept as a step: a Runnable's input; an async generator function's input items
 * (it receives the input stream); a function's first parameter; a map's input, which every
 * branch receives (so it is the intersection of the branches' inputs).
 */
export type StepInput<S> =
  // `any` (an untyped step) takes anything; checked first, or the map case would recurse forever.
  0 extends 1 & S
    ? unknown
    : S extends Runnable<infer I, unknown, unknown>
      ? I
      : S extends (input: AsyncIterable<infer I>, ...rest: never[]) => AsyncGenerator<unknown>
        ? I
        : S extends (input: infer I, ...rest: never[]) => unknown
          ? I
          : S extends Record<string, unknown>
            ? MapInput<S>
            : never;

/** What a step of a chain outputs: a Runnable's output, a function's (see `LambdaOutput`), a map's object of outputs. */
export type StepOutput<S> =
  S extends Runnable<never, infer O, unknown>
    ? O
    : S extends (...args: never[]) => infer R
      ? LambdaOutput<R>
      : S extends Record<string, unknown>
        ? MapOutput<S>
        : never;

/** What a step of a chain streams: a Runnable's chunks, a function's (see `LambdaChunk`), a map's `{ key: chunk }` parts. */
export type StepChunk<S> =
  S extends Runnable<never, unknown, infer C>
    ? C
    : S extends (...args: never[]) => infer R
      ? LambdaChunk<R>
      : S extends Record<string, unknown>
        ? Partial<MapOutput<S>>
        : never;

/**
 * The input of a map of steps: every branch gets the same input, so it must be what each branch
 * takes (the intersection of their inputs; `unknown` branches such as a passthrough add nothing).
 * Each input is wrapped in a parameter first, so an `unknown` does not swallow the others in a union.
 */
export type MapInput<M> = {
  [K in keyof M]: (input: StepInput<M[K]>) => void;
}[keyof M] extends (input: infer I) => void
  ? I
  : never;

/** The last element of a tuple of steps. */
export type LastStep<S extends readonly unknown[]> = S extends readonly [...unknown[], infer L] ? L : never;
