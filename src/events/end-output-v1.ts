import type { Run } from "../callbacks/run.js";
import { formatOutput } from "./format-run-data.js";

/**
 * A run's end output in `streamEvents` v1, as `@langchain/core`'s v1 shows it: a chat model's
 * aggregated message becomes the LLM result its presentation builds (the one `handleLLMEnd`
 * receives: `{ generations: [[{ text, generationInfo, message }]], llmOutput }`, `llmOutput`
 * being `{ tokenUsage }` or undefined); a retriever's documents become `{ documents }`. Any other
 * run's output is shown as v2 shows it.
 */
export function endOutputV1(run: Run): unknown {
  if (run.runType === "chat_model") {
    const result = run.presentation?.llmResult?.(run.output);
    // v1 always has the llmOutput key, undefined without usage.
    if (result !== undefined) return { generations: result.generations, llmOutput: result.llmOutput };
  }
  const output = formatOutput(run);
  if (run.runType === "retriever" && Array.isArray(output)) return { documents: output };
  return output;
}
