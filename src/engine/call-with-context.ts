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
