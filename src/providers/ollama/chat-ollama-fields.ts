import type { ProviderCallOptions, ProviderChatModelFields } from "../base/provider-chat-model.js";
import type { JsonRecord } from "../internal/json-value.js";

/**
 * Options of `ChatOllama`. The server is `baseUrl` (or `baseURL`), else `OLLAMA_HOST`, else
 * `http://127.0.0.1:11434`; no key is needed.
 */
export interface ChatOllamaFields extends ProviderChatModelFields {
  baseUrl?: string | undefined;
  baseURL?: string | undefined;
  topP?: number | undefined;
  topK?: number | undefined;
  /** Context window size (`num_ctx`). */
  numCtx?: number | undefined;
  seed?: number | undefined;
  repeatPenalty?: number | undefined;
  /** How long the model stays loaded after the call (`"5m"`, seconds, or -1). */
  keepAlive?: string | number | undefined;
  /** Ask thinking models to think (their reasoning arrives in `additional_kwargs.reasoning_content`). */
  think?: boolean | undefined;
  /** `"json"` or a JSON Schema the answer must follow (`withStructuredOutput` sets it). */
  format?: "json" | JsonRecord | undefined;
  /** Extra `options` sent as is (`mirostat`, `num_gpu`...). */
  options?: JsonRecord | undefined;
}

/** Per-call options of `ChatOllama`. */
export type ChatOllamaCallOptions = ProviderCallOptions;
