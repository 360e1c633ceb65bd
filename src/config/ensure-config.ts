import { currentRunConfig } from "./async-config.js";
import { mergeConfigs, validateConfig } from "./merge-configs.js";
import type { RunnableConfig } from "./runnable-config.js";

/**
 * The config a call actually runs with: the enclosing run's config (when called from inside a
 * lambda, generator step or tool) merged with the one passed explicitly.
 */
export function ensureConfig(config: RunnableConfig | undefined): RunnableConfig {
  const enclosing = currentRunConfig.get();
  const merged =
    enclosing === undefined
      ? (config ?? {})
      : config === undefined
        ? enclosing
        : mergeConfigs(enclosing, config);
  if (
    merged.timeout !== undefined ||
    merged.maxConcurrency !== undefined ||
    merged.recursionLimit !== undefined
  ) {
    validateConfig(merged);
  }
  return merged;
}
