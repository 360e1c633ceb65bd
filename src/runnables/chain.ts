import type { LambdaChunk, LambdaOutput } from "./lambda-output.js";
import { type RunnableFunc, RunnableLambda } from "./runnable-lambda.js";

/**
 * Turns a function into a named Runnable (LangChain's `@chain`): its runs are named after the
 * function, and runnables it calls are linked to its run automatically.
 *
 * @example
 * const reverseAndDouble = chain(async function reverseAndDouble(word: string) {
 *   return (await reverseWord.invoke(word)).repeat(2);
 * });
 */
export function chain<I, R>(
  func: RunnableFunc<I, R>,
  name?: string,
): RunnableLambda<I, LambdaOutput<R>, LambdaChunk<R>> {
  return RunnableLambda.from(func, name === undefined ? {} : { name });
}
