import { InvalidConfigError } from "../../errors/input-errors.js";
import { COMMON_OPTION_TABLE, COMMON_UNSUPPORTED } from "../internal/common-provider-options.js";
import type { NestedOptions, ProviderOptionSpec } from "../internal/read-provider-options.js";
import type { ChatOpenAIFields } from "./chat-openai-fields.js";

/** LangChain's `reasoning: { effort }` is `reasoningEffort`; anything else in it needs the Responses API. */
function reasoningEffort(value: unknown, owner: string): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new InvalidConfigError(`${owner}'s option "reasoning" is an object: { effort }`);
  }
  for (const [key, inner] of Object.entries(value)) {
    if (key !== "effort" && inner !== undefined && inner !== null) {
      throw new InvalidConfigError(
        `${owner} does not take "reasoning.${key}": it needs OpenAI's Responses API, which Rivulet does not cover yet (Chat Completions takes reasoning.effort only)`,
      );
    }
  }
  const effort = "effort" in value ? value.effort : undefined;
  return effort === null ? undefined : effort;
}

const MODEL_KWARGS = (field: string) => `send it with \`modelKwargs: { ${field}: ... }\``;

/** The SDK client options of `configuration` Rivulet reads, and what to use for the others. */
export const OPENAI_CLIENT_CONFIGURATION: NestedOptions = {
  keys: ["baseURL", "apiKey", "organization", "project", "defaultHeaders", "dangerouslyAllowBrowser"],
  unsupported: {
    timeout: "use the model's own `timeout` option",
    maxRetries: "use the model's own `maxRetries` option",
    fetch: "use the model's own `fetch` option",
    defaultQuery: "put the query in `baseURL`",
    fetchOptions: "pass your own `fetch` (the model's `fetch` option)",
    httpAgent: "pass your own `fetch` (the model's `fetch` option)",
  },
};

/**
 * What `ChatOpenAI` takes: Rivulet's options and `@langchain/openai`'s aliases of them
 * (`modelName`, `openAIApiKey`, `maxCompletionTokens`, `baseUrl`, `reasoning`, with the common
 * ones), and what to do instead of the `@langchain/openai` options it does not take.
 */
export const CHAT_OPENAI_OPTIONS: ProviderOptionSpec<ChatOpenAIFields> = {
  owner: "ChatOpenAI",
  table: {
    ...COMMON_OPTION_TABLE,
    apiKey: "option",
    baseURL: "option",
    configuration: "option",
    organization: "option",
    topP: "option",
    frequencyPenalty: "option",
    presencePenalty: "option",
    seed: "option",
    reasoningEffort: "option",
    streamUsage: "option",
    parallelToolCalls: "option",
    responseFormat: "option",
    modelKwargs: "option",
    user: "option",
    logitBias: "option",
    n: "option",
    service_tier: "option",
    verbosity: "option",
    promptCacheKey: "option",
    openAIApiKey: { aliasOf: "apiKey" },
    maxCompletionTokens: { aliasOf: "maxTokens" },
    baseUrl: { aliasOf: "baseURL" },
    reasoning: { aliasOf: "reasoningEffort", convert: reasoningEffort },
  },
  unsupported: {
    ...COMMON_UNSUPPORTED,
    logprobs: `Rivulet does not surface log probabilities yet; ${MODEL_KWARGS("logprobs")} if a proxy needs it`,
    topLogprobs: `Rivulet does not surface log probabilities yet; ${MODEL_KWARGS("top_logprobs")} if a proxy needs it`,
    prefixMessages: "put those messages at the start of the prompt",
    __includeRawResponse:
      "use `withStructuredOutput(schema, { includeRaw: true })`, or read `response_metadata`",
    supportsStrictToolCalling: "pass `strict` to `withStructuredOutput`",
    modalities: "audio output is not covered yet",
    audio: "audio output is not covered yet",
    useResponsesApi: "OpenAI's Responses API is not covered yet (ChatOpenAI uses Chat Completions)",
    zdrEnabled: "it applies to the Responses API, which is not covered yet",
    promptCacheRetention: MODEL_KWARGS("prompt_cache_retention"),
    promptCacheOptions: "it applies to the Responses API, which is not covered yet",
  },
  nested: { configuration: OPENAI_CLIENT_CONFIGURATION },
};
