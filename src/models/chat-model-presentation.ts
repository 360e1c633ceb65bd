import type { RunPresentation } from "../callbacks/run.js";
import { isAIMessageChunk } from "../messages/ai-message-chunk.js";
import { toChatMessages } from "../messages/to-chat-messages.js";
import { chatModelLLMResult } from "./chat-model-llm-result.js";

/** A chat model's input in events: `{ messages: [[...]] }`, or as given when not message-like. */
export const CHAT_MODEL_PRESENTATION: RunPresentation = {
  input(input: unknown): unknown {
    try {
      return { messages: [toChatMessages(input)] };
    } catch {
      return input; // not message-like: show it as given rather than lose it
    }
  },
  chatMessages(input: unknown): readonly unknown[] | undefined {
    try {
      return toChatMessages(input);
    } catch {
      return undefined;
    }
  },
  chunkText: (chunk) => (isAIMessageChunk(chunk) ? chunk.text : undefined),
  llmResult: (output) => (isAIMessageChunk(output) ? chatModelLLMResult(output) : undefined),
};
