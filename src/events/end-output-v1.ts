import type { Run } from "../callbacks/run.js";
import type { AIMessageChunk } from "../messages/ai-message-chunk.js";
import { formatOutput } from "./format-run-data.js";
import type { ChatModelOutputV1 } from "./stream-event.js";

/**
 * A run's end output in `streamEvents` v1, as `@langchain/core`'s v1 shows it: a chat model's
 * aggregated message becomes an LLM result, `{ generations: [[{ text, generationInfo, message
 * }]], llmOutput }` (`llmOutput` is `{ tokenUsage }` from the message's `usage_metadata`, else
 * undefined); a retriever's documents become `{ documents }`. Any other run's output is shown
 * as v2 shows it.
 */
export function endOutputV1(run: Run): unknown {
  if (run.runType === "chat_model" && isChatModelMessage(run, run.output))
    return chatModelOutputV1(run.output);
  const output = formatOutput(run);
  if (run.runType === "retriever" && Array.isArray(output)) return { documents: output };
  return output;
}

/**
 * Whether `output` is a chat model run's aggregated message. The events layer may not import
 * the message classes' values, so it asks the run's presentation, which reads a text only from
 * an `AIMessageChunk`.
 */
function isChatModelMessage(run: Run, output: unknown): output is AIMessageChunk {
  return run.presentation?.chunkText?.(output) !== undefined;
}

function chatModelOutputV1(message: AIMessageChunk): ChatModelOutputV1 {
  const usage = message.usage_metadata;
  const tokenUsage =
    usage === undefined
      ? undefined
      : {
          promptTokens: usage.input_tokens,
          completionTokens: usage.output_tokens,
          totalTokens: usage.total_tokens,
        };
  return {
    // LangChain merges each chunk's generation info into the message's response_metadata, the
    // only place a Rivulet chunk carries it: the generation shows a copy.
    generations: [[{ text: message.text, generationInfo: { ...message.response_metadata }, message }]],
    llmOutput: tokenUsage === undefined ? undefined : { tokenUsage },
  };
}
