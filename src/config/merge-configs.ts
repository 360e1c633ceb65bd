import { CallbackManager } from "../callbacks/callback-manager.js";
import { combineSignals } from "../internal/abort.js";
import { checkNumberOption } from "../internal/check-number-option.js";
import type { RunnableConfig } from "./runnable-config.js";

function mergeCallbacks(
  base: RunnableConfig["callbacks"],
  over: RunnableConfig["callbacks"],
): RunnableConfig["callbacks"] {
  if (over === undefined) return base;
  if (base === undefined) return over;
  // A manager handed down by a run is more specific than anything it inherited.
  if (over instanceof CallbackManager) {
    return base instanceof CallbackManager ? over : over.withHandlers(base);
  }
  if (base instanceof CallbackManager) return base.withHandlers(over);
  return [...base, ...over];
}

/**
 * Merges configs left to right: tags union, metadata and configurable shallow-merged, callbacks
 * combined, signals combined (either aborts the call), the smaller timeout and the later value of
 * everything else.
 */
export function mergeConfigs(...configs: (RunnableConfig | undefined)[]): RunnableConfig {
  let out: RunnableConfig = {};
  let first = true;
  for (const c of configs) {
    if (c === undefined) continue;
    if (first) {
      // A copy keeps symbol-keyed internal links (the parent scope) along with the fields.
      out = { ...c };
      first = false;
      continue;
    }
    const next: RunnableConfig = { ...out, ...c };
    if (out.tags && c.tags) next.tags = [...new Set([...out.tags, ...c.tags])];
    else next.tags = c.tags ?? out.tags;
    next.metadata =
      out.metadata && c.metadata ? { ...out.metadata, ...c.metadata } : (c.metadata ?? out.metadata);
    next.configurable =
      out.configurable && c.configurable
        ? { ...out.configurable, ...c.configurable }
        : (c.configurable ?? out.configurable);
    next.callbacks = mergeCallbacks(out.callbacks, c.callbacks);
    next.signal = combineSignals(out.signal, c.signal);
    if (out.timeout !== undefined && c.timeout !== undefined) next.timeout = Math.min(out.timeout, c.timeout);
    else next.timeout = c.timeout ?? out.timeout;
    out = next;
  }
  return out;
}

/**
 * Rejects config values that cannot work, with a message that says what to change: a `timeout`
 * of 0, NaN or above 2^31 - 1 ms (which timers clamp to 1 ms; `Infinity` means no timeout), and a
 * `maxConcurrency` or `recursionLimit` that is not a positive integer.
 */
export function validateConfig(config: RunnableConfig): void {
  checkNumberOption("timeout", config.timeout, "duration");
  checkNumberOption("maxConcurrency", config.maxConcurrency, "positive-integer");
  checkNumberOption("recursionLimit", config.recursionLimit, "positive-integer");
}
