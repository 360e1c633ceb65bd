import { InvalidConfigError } from "../../errors/input-errors.js";
import type { ProviderChatModelFields } from "../base/provider-chat-model-fields.js";
import { type OptionTable, type ProviderOptionSpec, readProviderOptions } from "./read-provider-options.js";

/** `streaming: false` is `disableStreaming: true`; `streaming: true` is Rivulet's default. */
function disableWhenNotStreaming(value: unknown, owner: string): boolean {
  if (typeof value !== "boolean") {
    throw new InvalidConfigError(`${owner}'s option "streaming" is true or false, got ${typeof value}`);
  }
  return !value;
}

/** The options of `ProviderChatModelFields`: Rivulet's names and the aliases LangChain's providers take. */
export const COMMON_OPTION_TABLE: OptionTable<ProviderChatModelFields> = {
  model: "option",
  temperature: "option",
  maxTokens: "option",
  name: "option",
  stop: "option",
  tools: "option",
  toolChoice: "option",
  disableStreaming: "option",
  outputVersion: "option",
  headers: "option",
  maxRetries: "option",
  timeout: "option",
  firstChunkTimeout: "option",
  idleTimeout: "option",
  fetch: "option",
  sleep: "option",
  random: "option",
  callbacks: "option",
  tags: "option",
  metadata: "option",
  verbose: "option",
  cache: "option",
  modelName: { aliasOf: "model" },
  stopSequences: { aliasOf: "stop" },
  max_tokens: { aliasOf: "maxTokens" },
  streaming: { aliasOf: "disableStreaming", convert: disableWhenNotStreaming },
};

/** `@langchain/core`'s chat-model constructor options that Rivulet takes elsewhere, or not at all. */
export const COMMON_UNSUPPORTED: Readonly<Record<string, string>> = {
  callbackManager: "pass the handlers as `callbacks` (LangChain's `callbackManager` is its deprecated name)",
  maxConcurrency: "pass `maxConcurrency` in the config of `batch`",
  onFailedAttempt: "wrap the model: `model.withRetry({ onFailedAttempt })`",
};

/**
 * The common options alone, leniently: the public base resolves the aliases above for any
 * provider and lets the provider's own keys through (ours check theirs before).
 */
const COMMON_PROVIDER_OPTIONS: ProviderOptionSpec<ProviderChatModelFields> = {
  owner: "ProviderChatModel",
  table: COMMON_OPTION_TABLE,
  unsupported: COMMON_UNSUPPORTED,
  lenient: true,
};

/**
 * The options of any provider with the common aliases resolved (`modelName` into `model`...),
 * its own keys untouched; an alias and its option with different values are an `InvalidConfigError`.
 */
export function resolveCommonAliases<F extends ProviderChatModelFields>(fields: F): F {
  // Lenient: every key is kept or resolved into the one it names, so the result is still an F.
  return readProviderOptions(COMMON_PROVIDER_OPTIONS, fields) as F;
}
