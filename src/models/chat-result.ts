import type { BaseMessage } from "../messages/base-message.js";

/** One answer of a chat model, in `@langchain/core`'s `outputs` shape. */
export interface ChatGeneration {
  /** The answer's text. */
  text: string;
  /** The answer (an `AIMessage` or `AIMessageChunk`). */
  message: BaseMessage;
  /** Provider details; merged into the message's `response_metadata`. */
  generationInfo?: Record<string, unknown> | undefined;
}

/**
 * What a custom chat model's `_generate` returns, as in `@langchain/core`: its generations (the
 * first is the answer) and provider-level output such as token usage. Rivulet's runs carry the
 * message, so `llmOutput` is accepted but not passed on: report usage as the message's
 * `usage_metadata`, which handlers and `streamEvents` read.
 */
export interface ChatResult {
  generations: ChatGeneration[];
  llmOutput?: Record<string, unknown> | undefined;
}
