import type { ProviderCallOptions, ProviderChatModelFields } from "../base/provider-chat-model.js";
import type { JsonRecord } from "../internal/json-value.js";

/** The client settings `@langchain/openai` takes under `configuration` (the ones Rivulet honours). */
export interface OpenAIClientConfiguration {
  baseURL?: string | undefined;
  apiKey?: string | undefined;
  organization?: string | undefined;
  project?: string | undefined;
  defaultHeaders?: Record<string, string> | undefined;
  /** Accepted for LangChain code; Rivulet has no browser guard to lift (it runs wherever `fetch` does). */
  dangerouslyAllowBrowser?: boolean | undefined;
}

/** LangChain's `reasoning` option as Chat Completions reads it: the effort only. */
export interface OpenAIReasoningOption {
  effort?: string | null | undefined;
}

/**
 * Options of `ChatOpenAI`, under `@langchain/openai`'s names (its aliases included: `modelName`,
 * `openAIApiKey`, `maxCompletionTokens`, `stopSequences`, `streaming`...). The key comes from
 * `apiKey` or `OPENAI_API_KEY`; `baseURL` (or `configuration.baseURL`, or `OPENAI_BASE_URL`)
 * points at an OpenAI-compatible server (vLLM, llama.cpp, LM Studio), for which a key is
 * optional. Any other key is an `InvalidConfigError`.
 */
export interface ChatOpenAIFields extends ProviderChatModelFields {
  apiKey?: string | undefined;
  /** The API root, e.g. `http://127.0.0.1:8000/v1` for vLLM (default `https://api.openai.com/v1`). */
  baseURL?: string | undefined;
  configuration?: OpenAIClientConfiguration | undefined;
  organization?: string | undefined;
  topP?: number | undefined;
  frequencyPenalty?: number | undefined;
  presencePenalty?: number | undefined;
  seed?: number | undefined;
  /** For reasoning models (o-series, gpt-5): `"minimal"`, `"low"`, `"medium"` or `"high"`. */
  reasoningEffort?: string | undefined;
  /** Ask for the usage chunk (`stream_options.include_usage`; default true). */
  streamUsage?: boolean | undefined;
  /** Let the model call several tools at once (sent only when set). */
  parallelToolCalls?: boolean | undefined;
  /** A `response_format` sent with every call (`withStructuredOutput` sets it). */
  responseFormat?: JsonRecord | undefined;
  /** Extra body fields sent as is (for options Rivulet does not name, or a compatible server's own). */
  modelKwargs?: JsonRecord | undefined;
  /** An id for your end user, sent as `user`. */
  user?: string | undefined;
  /** Token id to bias (-100 to 100), sent as `logit_bias`. */
  logitBias?: Record<string, number> | undefined;
  /** Completions per prompt: only 1 (Rivulet streams one choice). */
  n?: number | undefined;
  /** `"auto"`, `"default"`, `"flex"` or `"priority"`, sent as `service_tier`. */
  service_tier?: string | undefined;
  /** `"low"`, `"medium"` or `"high"` (gpt-5), sent as `verbosity`. */
  verbosity?: string | undefined;
  /** A key for OpenAI's prompt cache, sent as `prompt_cache_key`. */
  promptCacheKey?: string | undefined;
  /** Same as `apiKey` (LangChain's older name). */
  openAIApiKey?: string | undefined;
  /** Same as `maxTokens` (LangChain's name for reasoning models). */
  maxCompletionTokens?: number | undefined;
  /** Same as `baseURL`. */
  baseUrl?: string | undefined;
  /** `{ effort }`: same as `reasoningEffort` (a `summary` needs the Responses API, not covered). */
  reasoning?: OpenAIReasoningOption | undefined;
}

/** Per-call options of `ChatOpenAI`: the common ones plus a `response_format` for this call. */
export interface ChatOpenAICallOptions extends ProviderCallOptions {
  response_format?: JsonRecord | undefined;
  parallel_tool_calls?: boolean | undefined;
}
