import type { LambdaOutput } from "./lambda-output.js";
import type { Runnable } from "./runnable.js";

/** The output of a map of runnables or functions. */
export type MapOutput<M> = {
  [K in keyof M]: M[K] extends Runnable<never, infer O, unknown>
    ? O
    : M[K] extends (...args: never[]) => infer R
      ? LambdaOutput<R>
      : M[K] extends Record<string, unknown>
        ? MapOutput<M[K]>
        : never;
};
