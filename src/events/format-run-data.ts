import type { Run } from "../callbacks/run.js";
import { toChatMessages } from "../messages/to-chat-messages.js";

function safeMessages(input: unknown): unknown {
  try {
    return { messages: [toChatMessages(input)] };
  } catch {
    return input; // not message-like: show it as given rather than lose it
  }
}

/**
 * A run's input as nested events show it: chat models `{ messages: [[...]] }`, LLMs
 * `{ prompts: [...] }`, retrievers `{ query }`, everything else as given.
 */
export function formatInput(run: Run): unknown {
  const input = run.input;
  switch (run.runType) {
    case "chat_model":
      return safeMessages(input);
    case "llm":
      return { prompts: Array.isArray(input) ? input.map(String) : [String(input)] };
    case "retriever":
      return typeof input === "string" ? { query: input } : input;
    default:
      return input;
  }
}

/** A run's output as events show it: LLM text becomes `{ generations: [[{ text }]] }`. */
export function formatOutput(run: Run): unknown {
  if (run.runType === "llm" && typeof run.output === "string")
    return { generations: [[{ text: run.output }]] };
  return run.output;
}
