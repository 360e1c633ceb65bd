import type { RunnableConfig } from "../config/runnable-config.js";

/** Something that may be a binding (`withConfig`): it answers with what it wraps, or undefined. */
interface MaybeBinding<R> {
  resolveBinding(config: RunnableConfig): [R, RunnableConfig] | undefined;
}

/**
 * Unwraps bindings down to the runnable that really runs, merging each binding's config into
 * `config` on the way: what a call of `runnable` with `config` runs, and with which config.
 */
export function resolveBindings<R extends MaybeBinding<R>>(
  runnable: R,
  config: RunnableConfig,
): [R, RunnableConfig] {
  let current = runnable;
  let resolved = config;
  for (let bound = current.resolveBinding(resolved); bound !== undefined; ) {
    [current, resolved] = bound;
    bound = current.resolveBinding(resolved);
  }
  return [current, resolved];
}
