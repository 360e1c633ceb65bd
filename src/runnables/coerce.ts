import { InvalidInputError } from "../errors/input-errors.js";
import { isPlainObject } from "../internal/is-plain-object.js";
import { Runnable } from "./runnable.js";
import { RunnableGenerator } from "./runnable-generator.js";
import { RunnableLambda } from "./runnable-lambda.js";
import { RunnableParallel } from "./runnable-parallel.js";

/** Any function can be called with any arguments, and returns something. */
function isFunction(value: unknown): value is (...args: unknown[]) => unknown {
  return typeof value === "function";
}

function isAsyncGeneratorFunction(value: unknown): value is (...args: unknown[]) => AsyncGenerator {
  return (
    typeof value === "function" && Object.prototype.toString.call(value) === "[object AsyncGeneratorFunction]"
  );
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return `an instance of ${value.constructor?.name ?? "an unknown class"}`;
  return `${typeof value} ${JSON.stringify(value)}`;
}

/**
 * Turns anything a chain accepts into a Runnable: a Runnable as is, an `async function*` into a
 * RunnableGenerator (it receives the input stream), any other function into a RunnableLambda,
 * and an object literal into a RunnableParallel of its coerced values.
 */
export function coerceToRunnable(value: unknown): Runnable {
  if (Runnable.isRunnable(value)) return value;
  if (isAsyncGeneratorFunction(value)) return new RunnableGenerator({ generator: value });
  if (isFunction(value)) return new RunnableLambda({ func: value });
  if (isPlainObject(value)) return new RunnableParallel({ steps: value });
  throw new InvalidInputError(
    `Cannot use ${describe(value)} as a step of a chain: pass a Runnable, a function, ` +
      "an async generator function, or an object whose values are those.",
  );
}
