import type { ProviderCallOptions, ProviderChatModelFields } from "../base/provider-chat-model.js";
import type { JsonRecord } from "../internal/json-value.js";

/**
 * Options of `ChatAnthropic`. The key comes from `apiKey` or `ANTHROPIC_API_KEY`. `maxTokens`
 * is required by the API; it defaults to 2048.
 */
export interface ChatAnthropicFields extends ProviderChatModelFields {
  apiKey?: string | undefined;
  /** The API root (default `https://api.anthropic.com`; `anthropicApiUrl` is the same). */
  baseURL?: string | undefined;
  anthropicApiUrl?: string | undefined;
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
}

/** Per-call options of `ChatAnthropic`. */
export type ChatAnthropicCallOptions = ProviderCallOptions;
