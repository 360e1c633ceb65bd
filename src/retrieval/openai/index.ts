export { OpenAIEmbeddings, type OpenAIEmbeddingsFields } from "./openai-embeddings.js";
export { parseRetryAfter } from "./parse-retry-after.js";
