import type { RunScope } from "../engine/run-scope.js";
import { AIMessageChunk } from "../messages/ai-message-chunk.js";
import type { Aggregator } from "../streams/aggregator.js";

/**
 * Folds a chat model's answer chunks into its message for `invoke`, reporting each chunk to the
 * run's observers first (waiting only when one asked to be waited on), so an observed `invoke`
 * streams under events. An answer without a chunk is an empty message with the run's id.
 */
export async function foldChatAnswer(
  chunks: AsyncIterable<AIMessageChunk>,
  aggregator: Aggregator<AIMessageChunk, AIMessageChunk>,
  scope: RunScope,
): Promise<AIMessageChunk> {
  for await (const chunk of chunks) {
    aggregator.add(chunk);
    const reported = scope.reportChunk(chunk);
    if (reported !== undefined) await reported;
  }
  return aggregator.result() ?? new AIMessageChunk({ content: "", id: `run-${scope.runId}` });
}
