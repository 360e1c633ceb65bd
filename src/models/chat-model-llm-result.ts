import type { LLMResult } from "../callbacks/callback-handler.js";
import type { AIMessageChunk } from "../messages/ai-message-chunk.js";

/**
 * A chat model's aggregated message as `handleLLMEnd` receives it, in `@langchain/core`'s shape
 * for a streamed call: one generation `{ text, generationInfo, message }` and, when the model
 * reported usage, `llmOutput.tokenUsage { promptTokens, completionTokens, totalTokens }`, which
 * cost handlers read. A Rivulet chunk keeps its generation info in `response_metadata` (where
 * LangChain merges it too): the generation shows a copy.
 */
export function chatModelLLMResult(message: AIMessageChunk): LLMResult {
  const generations = [[{ text: message.text, generationInfo: { ...message.response_metadata }, message }]];
  const usage = message.usage_metadata;
  if (usage === undefined) return { generations };
  const tokenUsage = {
    promptTokens: usage.input_tokens,
    completionTokens: usage.output_tokens,
    totalTokens: usage.total_tokens,
  };
  return { generations, llmOutput: { tokenUsage } };
}
