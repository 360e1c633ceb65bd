// rivulet/providers: initChatModel and the types every provider shares.
export { inferModelProvider, KNOWN_PROVIDERS, type KnownProvider } from "./infer-model-provider.js";
export { type InitChatModelFields, type InitializedChatModel, initChatModel } from "./init-chat-model.js";
export type {
  BindToolsOptions,
  ProviderCallOptions,
  ProviderChatModel,
  ProviderChatModelFields,
  StructuredOutputRunnable,
} from "./internal/provider-chat-model.js";
export type { StructuredOutputOptions, StructuredOutputSchema } from "./internal/structured-output.js";
export type {
  AnthropicToolDefinition,
  BindableTool,
  FunctionDefinition,
  JsonSchemaTool,
  OpenAIFunctionTool,
  ToolChoice,
} from "./internal/tool-definition.js";
export type { FetchLike, ProviderTransportOptions, SleepLike } from "./internal/transport-options.js";
