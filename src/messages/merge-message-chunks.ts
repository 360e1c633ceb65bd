import type { AIMessageChunk } from "./ai-message-chunk.js";
import { AIMessageChunkAggregator } from "./ai-message-chunk-aggregator.js";

/**
 * Adds up a whole stream of AI message chunks at once; the result equals folding them with
 * `concat`, but costs O(total size): string contents are joined once, and only the chunks that
 * carry metadata, usage or tool-call fragments (usually a few) go through the field merge.
 * Falls back to the plain fold from the first chunk whose content is a list of blocks.
 */
export function mergeMessageChunks(chunks: readonly AIMessageChunk[]): AIMessageChunk | undefined {
  const aggregator = new AIMessageChunkAggregator();
  for (const chunk of chunks) aggregator.add(chunk);
  return aggregator.result();
}
