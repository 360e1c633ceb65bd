import { currentRunConfig } from "../config/async-config.js";
import type { RunnableConfig } from "../config/runnable-config.js";

/**
 * Calls user code (a lambda body, a tool function) with `config` as the implicit context, so
 * runnables it calls become children of the current run. The context is released when the call
 * settles: async work that outlives it does not keep the run reachable.
 */
export async function callWithContext<T>(
  config: RunnableConfig,
  fn: (config: RunnableConfig) => T,
): Promise<Awaited<T>> {
  const holder: { value: RunnableConfig | undefined } = { value: config };
  try {
    return await currentRunConfig.run(holder, () => fn(config));
  } finally {
    holder.value = undefined;
  }
}

/** True for async iterables that are streams of chunks (not strings or arrays). */
export function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === "function"
  );
}

/**
 * Iterates an async iterable produced by user code, resuming it inside `config`'s context each
 * time (an async generator's body runs in the context of whoever calls `next`).
 */
export async function* iterateWithContext<T>(
  config: RunnableConfig,
  make: (config: RunnableConfig) => AsyncIterable<T>,
): AsyncGenerator<T> {
  const holder: { value: RunnableConfig | undefined } = { value: config };
  const run = <R>(fn: () => R): R => currentRunConfig.run(holder, fn);
  const iterator = run(() => make(config)[Symbol.asyncIterator]());
  let done = false;
  try {
    for (;;) {
      const step = await run(() => iterator.next());
      if (step.done) {
        done = true;
        return;
      }
      yield step.value;
    }
  } catch (error) {
    done = true;
    throw error;
  } finally {
    if (!done) await run(() => iterator.return?.());
    holder.value = undefined;
  }
}
