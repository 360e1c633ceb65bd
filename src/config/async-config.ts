import { AsyncContext } from "../internal/async-context.js";
import type { RunnableConfig } from "./runnable-config.js";

/**
 * The config of the run whose user code is executing right now (a lambda body, a generator
 * step, a tool function). Runnables called from that code without a config become its children.
 */
export const currentRunConfig = new AsyncContext<RunnableConfig>();

/** Whether runnables called inside functions are linked to their caller automatically here. */
export function isImplicitPropagationAvailable(): boolean {
  return currentRunConfig.available;
}
