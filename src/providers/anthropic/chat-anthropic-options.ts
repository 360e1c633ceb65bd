import { COMMON_OPTION_TABLE, COMMON_UNSUPPORTED } from "../internal/common-provider-options.js";
import type { ProviderOptionSpec } from "../internal/read-provider-options.js";
import type { ChatAnthropicFields } from "./chat-anthropic-fields.js";

const INVOCATION_KWARGS = (field: string) => `send it with \`invocationKwargs: { ${field}: ... }\``;

/**
 * What `ChatAnthropic` takes: Rivulet's options and `@langchain/anthropic`'s aliases of them
 * (`anthropicApiKey`, `anthropicApiUrl`, with the common ones), and what to do instead of the
 * `@langchain/anthropic` options it does not take.
 */
export const CHAT_ANTHROPIC_OPTIONS: ProviderOptionSpec<ChatAnthropicFields> = {
  owner: "ChatAnthropic",
  table: {
    ...COMMON_OPTION_TABLE,
    apiKey: "option",
    baseURL: "option",
    clientOptions: "option",
    topP: "option",
    topK: "option",
    thinking: "option",
    betas: "option",
    anthropicVersion: "option",
    invocationKwargs: "option",
    streamUsage: "option",
    anthropicApiKey: { aliasOf: "apiKey" },
    anthropicApiUrl: { aliasOf: "baseURL" },
  },
  unsupported: {
    ...COMMON_UNSUPPORTED,
    contextManagement: INVOCATION_KWARGS("context_management"),
    outputConfig: INVOCATION_KWARGS("output_config"),
    inferenceGeo: INVOCATION_KWARGS("inference_geo"),
    createClient: "Rivulet has no SDK client; pass `fetch` to see or change the requests",
  },
  nested: {
    clientOptions: {
      keys: ["baseURL", "defaultHeaders", "dangerouslyAllowBrowser"],
      unsupported: {
        apiKey: "use the model's own `apiKey` option (LangChain does not read this one either)",
        timeout: "use the model's own `timeout` option",
        maxRetries: "use the model's own `maxRetries` option",
        fetch: "use the model's own `fetch` option",
        defaultQuery: "put the query in `baseURL`",
        fetchOptions: "pass your own `fetch` (the model's `fetch` option)",
        httpAgent: "pass your own `fetch` (the model's `fetch` option)",
      },
    },
  },
};
