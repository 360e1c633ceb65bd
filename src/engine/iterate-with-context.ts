import { currentRunConfig } from "../config/async-config.js";
import type { RunnableConfig } from "../config/runnable-config.js";

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
  const next = () => iterator.next();
  let done = false;
  try {
    for (;;) {
      const step = await run(next);
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
