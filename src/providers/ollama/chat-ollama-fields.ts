import type { ProviderCallOptions, ProviderChatModelFields } from "../base/provider-chat-model.js";
import type { JsonRecord } from "../internal/json-value.js";

/**
 * Ollama's model options under `@langchain/ollama`'s camel-case names, each sent in `options`
 * under Ollama's own (`numGpu` as `num_gpu`...). An entry of `options` with the same name wins.
 */
export interface OllamaModelOptionFields {
  numa?: boolean | undefined;
  numBatch?: number | undefined;
  numGpu?: number | undefined;
  mainGpu?: number | undefined;
  lowVram?: boolean | undefined;
  f16Kv?: boolean | undefined;
  logitsAll?: boolean | undefined;
  vocabOnly?: boolean | undefined;
  useMmap?: boolean | undefined;
  useMlock?: boolean | undefined;
  embeddingOnly?: boolean | undefined;
  numThread?: number | undefined;
  numKeep?: number | undefined;
  tfsZ?: number | undefined;
  typicalP?: number | undefined;
  repeatLastN?: number | undefined;
  presencePenalty?: number | undefined;
  frequencyPenalty?: number | undefined;
  mirostat?: number | undefined;
  mirostatTau?: number | undefined;
  mirostatEta?: number | undefined;
  penalizeNewline?: boolean | undefined;
}

/**
 * Options of `ChatOllama`, under `@langchain/ollama`'s names (`numPredict` for `maxTokens`, its
 * camel-case model options, with the common aliases). The server is `baseUrl` (or `baseURL`),
 * else `OLLAMA_BASE_URL`, else `OLLAMA_HOST`, else `http://127.0.0.1:11434`; no key is needed.
 * Any other key is an `InvalidConfigError`.
 */
export interface ChatOllamaFields extends ProviderChatModelFields, OllamaModelOptionFields {
  baseUrl?: string | undefined;
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
  /** Same as `baseUrl`. */
  baseURL?: string | undefined;
  /** Same as `maxTokens` (Ollama's and `@langchain/ollama`'s name, sent as `num_predict`). */
  numPredict?: number | undefined;
}

/** Per-call options of `ChatOllama`. */
export type ChatOllamaCallOptions = ProviderCallOptions;
