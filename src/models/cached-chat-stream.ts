import type { BaseCache, Generation } from "../caches/base-cache.js";
import { AIMessage } from "../messages/ai-message.js";
import { type AIMessageChunk, isAIMessageChunk } from "../messages/ai-message-chunk.js";
import { AIMessageChunkAggregator } from "../messages/ai-message-chunk-aggregator.js";
import { chunkToMessage, messageToChunk } from "../messages/message-to-chunk.js";
import type { ChatGeneration } from "./chat-result.js";

/** Where one call's answer is cached: the cache, the prompt's text and the model's parameter key. */
export interface ChatCacheEntry {
  cache: BaseCache<Generation[]>;
  prompt: string;
  llmKey: string;
}

function isChatGeneration(generation: Generation): generation is ChatGeneration & { message: AIMessage } {
  return "message" in generation && AIMessage.isInstance(generation.message);
}

/**
 * The chunk a cached answer streams as: a fresh chunk of the stored message with zero token
 * usage (no tokens were spent), as `@langchain/core` marks a cache hit. A stored text-only
 * generation (from a cache shared with an LLM) becomes a text chunk.
 */
function cachedChunk(generation: Generation): AIMessageChunk {
  const message = isChatGeneration(generation) ? generation.message : new AIMessage(generation.text);
  // Through the plain message, so a stored chunk also comes back as a new chunk.
  const chunk = messageToChunk(isAIMessageChunk(message) ? chunkToMessage(message) : message);
  chunk.usage_metadata = { input_tokens: 0, output_tokens: 0, total_tokens: 0 };
  return chunk;
}

/**
 * A chat model's stream behind a cache: a hit streams the stored answer as one chunk (so
 * `stream`, `invoke` and events behave as for a model that answered at once); a miss streams
 * `produce()` and, once it has ended, stores the folded message. A stream left early stores
 * nothing, so a partial answer is never replayed.
 */
export async function* cachedChatStream(
  entry: ChatCacheEntry,
  produce: () => AsyncIterable<AIMessageChunk>,
): AsyncGenerator<AIMessageChunk> {
  const { cache, prompt, llmKey } = entry;
  const stored = await cache.lookup(prompt, llmKey);
  const first = stored?.[0];
  if (first !== undefined) {
    yield cachedChunk(first);
    return;
  }
  const aggregator = new AIMessageChunkAggregator();
  for await (const chunk of produce()) {
    aggregator.add(chunk);
    yield chunk;
  }
  const whole = aggregator.result();
  if (whole === undefined) return;
  const message = chunkToMessage(whole);
  const generation: ChatGeneration = { text: message.text, message };
  await cache.update(prompt, llmKey, [generation]);
}
