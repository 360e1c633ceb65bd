export { BaseChatModel, type BaseChatModelFields } from "./base-chat-model.js";
export { BaseLLM, type BaseLLMInput } from "./base-llm.js";
export type {
  BaseLanguageModelInput,
  ChatModelCallOptions,
  LangSmithParams,
} from "./chat-model-call-options.js";
