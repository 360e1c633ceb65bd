export { BaseChatModel, type BaseChatModelFields, type BaseChatModelParams } from "./base-chat-model.js";
export { BaseLLM, type BaseLLMInput } from "./base-llm.js";
export type { CallbackManagerForLLMRun } from "./callback-manager-for-llm-run.js";
export { ChatGenerationChunk, type ChatGenerationChunkFields } from "./chat-generation-chunk.js";
export type {
  BaseLanguageModelInput,
  ChatModelCallOptions,
  LangSmithParams,
} from "./chat-model-call-options.js";
export type { ChatGeneration, ChatResult } from "./chat-result.js";
export { LLM } from "./llm.js";
export { SimpleChatModel } from "./simple-chat-model.js";
