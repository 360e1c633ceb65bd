import { CallbackManager } from "../callbacks/callback-manager.js";
import { currentRunConfig } from "./async-config.js";
import { mergeConfigs, validateConfig } from "./merge-configs.js";
import type { RunnableConfig } from "./runnable-config.js";

/**
 * The config a call actually runs with: the enclosing run's config (when called from inside a
 * lambda, generator step or tool) merged with the one passed explicitly. Only the explicit config
 * is checked: the enclosing one was checked at its own call, and the recursion budget it carries
 * legitimately reaches 0 at the deepest level. The enclosing config itself comes back unchanged
 * when no config is passed or when the one passed is the enclosing one.
 */
export function ensureConfig(config: RunnableConfig | undefined): RunnableConfig {
  if (
    config !== undefined &&
    (config.timeout !== undefined ||
      config.maxConcurrency !== undefined ||
      config.recursionLimit !== undefined)
  ) {
    validateConfig(config);
  }
  const enclosing = currentRunConfig.get();
  if (enclosing === undefined) return config === undefined ? {} : callTagsAfterInherited(config);
  // A function passing on the config it was given (LangChain's idiom) needs no merge: merging a
  // config with itself gives the same values, and each merge costs allocations on the hot path.
  if (config === undefined || config === enclosing) return enclosing;
  return callTagsAfterInherited(mergeConfigs(enclosing, config));
}

/**
 * Tags passed to a call nested in a run (its config holds the run's child manager) join the
 * tags it inherits, after them, where `@langchain/core` puts them; tags bound with `withConfig`
 * stay the run's own and come first. A root call's tags are its own.
 */
function callTagsAfterInherited(config: RunnableConfig): RunnableConfig {
  const { tags, callbacks } = config;
  if (tags === undefined || tags.length === 0) return config;
  if (!(callbacks instanceof CallbackManager) || callbacks.parentRun === undefined) return config;
  const { tags: _movedToCallbacks, ...rest } = config;
  return { ...rest, callbacks: callbacks.withInheritable(tags, undefined) };
}
