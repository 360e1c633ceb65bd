import { currentRunConfig } from "../config/async-config.js";
import type { RunnableConfig } from "../config/runnable-config.js";

type Holder = { value: RunnableConfig | undefined };

const RESOLVED: Promise<void> = Promise.resolve();

/**
 * Calls user code (a lambda body, a tool function) with `config` as the implicit context, so
 * runnables it calls become children of the current run. The context is released when the call
 * settles: async work that outlives it does not keep the run reachable.
 *
 * Not an async function: one `.then` on the call's promise (or one resolved promise for a plain
 * value) is all it adds. After a plain value the context is released one microtask later, where
 * an `await` of it would resume, so microtasks the function queued still run inside it.
 */
export function callWithContext<T>(
  config: RunnableConfig,
  fn: (config: RunnableConfig) => T,
): Promise<Awaited<T>> {
  const holder: Holder = { value: config };
  let result: T;
  try {
    result = currentRunConfig.run(holder, () => fn(config));
  } catch (error) {
    holder.value = undefined;
    return Promise.reject(error);
  }
  if (!isThenable(result)) {
    // (`queueMicrotask` would do, at twice the cost: Node wraps each callback in an AsyncResource.)
    RESOLVED.then(() => release(holder));
    return Promise.resolve(result);
  }
  return Promise.resolve(result).then(
    (value) => {
      holder.value = undefined;
      return value;
    },
    (error: unknown) => {
      holder.value = undefined;
      throw error;
    },
  );
}

function release(holder: Holder): void {
  holder.value = undefined;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  if ((typeof value !== "object" && typeof value !== "function") || value === null) return false;
  return "then" in value && typeof value.then === "function";
}
