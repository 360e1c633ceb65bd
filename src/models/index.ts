export { BaseChatModel } from "./base-chat-model.js";
export type { BaseChatModelFields, BaseChatModelParams } from "./base-chat-model-fields.js";
export type { BaseLanguageModelParams } from "./base-language-model-params.js";
export { BaseLLM, type BaseLLMInput, type BaseLLMParams } from "./base-llm.js";
export type { CallbackManagerForLLMRun } from "./callback-manager-for-llm-run.js";
export { ChatGenerationChunk, type ChatGenerationChunkFields } from "./chat-generation-chunk.js";
export type {
  BaseLanguageModelInput,
  ChatModelCallOptions,
  LangSmithParams,
} from "./chat-model-call-options.js";
export type { ChatGeneration, ChatResult } from "./chat-result.js";
export type { StructuredOutputWithRaw, StructuredOutputWithRawChunk } from "./include-raw-output.js";
export type { JsonRecord } from "./json-record.js";
export { LLM } from "./llm.js";
export { SimpleChatModel } from "./simple-chat-model.js";
export type { StructuredOutputOptions, StructuredOutputSchema } from "./structured-output.js";
export type {
  StructuredOutputRunnable,
  StructuredOutputWithRawRunnable,
} from "./structured-output-pipeline.js";
export type {
  AnthropicToolDefinition,
  BindableTool,
  BindToolsOptions,
  FunctionDefinition,
  JsonSchemaTool,
  OpenAIFunctionTool,
  ToolChoice,
  ToolDefinition,
} from "./tool-definition.js";
