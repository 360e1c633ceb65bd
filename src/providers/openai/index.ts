// rivulet/providers/openai: OpenAI's Chat Completions and Embeddings APIs, and OpenAI-compatible servers.
import "../../runnables/install.js";
import "../../events/install.js";

export { toOpenAITool } from "../../tools/convert-to-openai-tool.js";
export { ChatOpenAI } from "./chat-openai.js";
export type {
  ChatOpenAICallOptions,
  ChatOpenAIFields,
  OpenAIClientConfiguration,
  OpenAIReasoningOption,
} from "./chat-openai-fields.js";
export { OpenAIEmbeddings, type OpenAIEmbeddingsFields } from "./openai-embeddings.js";
export { toOpenAIMessages } from "./to-openai-messages.js";
