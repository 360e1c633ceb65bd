import type { RunnableConfig } from "../config/runnable-config.js";

const RUN_CONFIG_KEYS: readonly (keyof RunnableConfig)[] = [
  "callbacks",
  "tags",
  "metadata",
  "runName",
  "runId",
  "configurable",
  "maxConcurrency",
  "recursionLimit",
  "signal",
  "timeout",
];
const NOT_CALL_OPTIONS: ReadonlySet<string> = new Set(RUN_CONFIG_KEYS);

/**
 * A model call's options as tracing handlers see them (`handleChatModelStart`'s
 * `extraParams.options`): the effective config without the run-config keys, which
 * `@langchain/core` separates the same way, leaving `stop`, `tools`, `tool_choice`... Own
 * string keys only, so the config's internal link to its run never reaches a handler.
 */
export function tracingCallOptions(config: RunnableConfig): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config)) {
    if (!NOT_CALL_OPTIONS.has(key)) options[key] = value;
  }
  return options;
}
