// rivulet/providers: initChatModel, and the public base every provider extends (ours and third
// parties': see docs/providers.md, "Adding a provider"). Nothing here comes from ./internal/.
// The entry registers Runnable's factories itself: a provider built on the base pipes like any model.
import "../runnables/install.js";
import "../events/install.js";

export type { StructuredOutputWithRaw, StructuredOutputWithRawChunk } from "../models/include-raw-output.js";
export type { JsonRecord } from "../models/json-record.js";
export type { StructuredOutputOptions, StructuredOutputSchema } from "../models/structured-output.js";
export type {
  AnthropicToolDefinition,
  BindableTool,
  FunctionDefinition,
  JsonSchemaTool,
  OpenAIFunctionTool,
  ToolChoice,
  ToolDefinition,
} from "../models/tool-definition.js";
export {
  type BindToolsOptions,
  type CallTools,
  type ProviderCallOptions,
  ProviderChatModel,
  type ProviderChatModelFields,
  type StructuredOutputRunnable,
  type StructuredOutputWithRawRunnable,
} from "./base/provider-chat-model.js";
export type { FetchLike, ProviderTransportOptions, SleepLike } from "./base/transport-options.js";
export { inferModelProvider, KNOWN_PROVIDERS, type KnownProvider } from "./infer-model-provider.js";
export { type InitChatModelFields, type InitializedChatModel, initChatModel } from "./init-chat-model.js";
