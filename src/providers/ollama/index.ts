// rivulet/providers/ollama: local models through Ollama's native /api/chat endpoint.
import "../../runnables/install.js";
import "../../events/install.js";

export { ChatOllama } from "./chat-ollama.js";
export type {
  ChatOllamaCallOptions,
  ChatOllamaFields,
  OllamaModelOptionFields,
} from "./chat-ollama-fields.js";
export { toOllamaMessages } from "./to-ollama-messages.js";
