import type { ProviderCallOptions, ProviderChatModelFields } from "../base/provider-chat-model.js";
import type { JsonRecord } from "../internal/json-value.js";

/** The SDK client options `@langchain/anthropic` takes under `clientOptions` (the ones Rivulet honours). */
export interface AnthropicClientOptions {
  /** The API root, used when neither `baseURL` nor `anthropicApiUrl` is given. */
  baseURL?: string | undefined;
  /** Headers sent with every request (the model's `headers` win). */
  defaultHeaders?: Record<string, string> | undefined;
  /** Accepted for LangChain code; Rivulet has no browser guard to lift (it runs wherever `fetch` does). */
  dangerouslyAllowBrowser?: boolean | undefined;
}

/**
 * Options of `ChatAnthropic`, under `@langchain/anthropic`'s names (its aliases included:
 * `modelName`, `anthropicApiKey`, `anthropicApiUrl`, `stopSequences`, `streaming`...). The key
 * comes from `apiKey` or `ANTHROPIC_API_KEY`; the API root from `baseURL`, else
 * `clientOptions.baseURL`, else `ANTHROPIC_API_URL` or `ANTHROPIC_BASE_URL`. `maxTokens` is
 * required by the API; it defaults to 2048. Any other key is an `InvalidConfigError`.
 */
export interface ChatAnthropicFields extends ProviderChatModelFields {
  apiKey?: string | undefined;
  /** The API root (default `https://api.anthropic.com`). */
  baseURL?: string | undefined;
  clientOptions?: AnthropicClientOptions | undefined;
  topP?: number | undefined;
  topK?: number | undefined;
  /** Extended thinking, e.g. `{ type: "enabled", budget_tokens: 2048 }`. */
  thinking?: JsonRecord | undefined;
  /** Beta features, sent as the `anthropic-beta` header. */
  betas?: string[] | undefined;
  /** The `anthropic-version` header (default "2023-06-01"). */
  anthropicVersion?: string | undefined;
  /** Extra body fields sent as is (`metadata`, `service_tier`...). */
  invocationKwargs?: JsonRecord | undefined;
  /** Usage is always reported (`usage_metadata`), so only `true` is accepted. */
  streamUsage?: true | undefined;
  /** Same as `apiKey` (LangChain's older name). */
  anthropicApiKey?: string | undefined;
  /** Same as `baseURL` (LangChain's name). */
  anthropicApiUrl?: string | undefined;
}

/** Per-call options of `ChatAnthropic`. */
export type ChatAnthropicCallOptions = ProviderCallOptions;
