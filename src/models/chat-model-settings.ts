import type { BaseChatModelFields } from "./base-chat-model-fields.js";

/**
 * What a chat model keeps of its fields for tracing: the provider's model name, temperature and
 * max tokens, each undefined when the model was not given it.
 */
export type ChatModelSettings = Pick<BaseChatModelFields, "model" | "temperature" | "maxTokens">;
