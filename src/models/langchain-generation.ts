import { InvalidInputError } from "../errors/input-errors.js";
import { mapStream } from "../internal/async-streams.js";
import { AIMessage } from "../messages/ai-message.js";
import { type AIMessageChunk, isAIMessageChunk } from "../messages/ai-message-chunk.js";
import { messageToChunk } from "../messages/message-to-chunk.js";
import type { ChatGenerationChunk } from "./chat-generation-chunk.js";
import type { ChatResult } from "./chat-result.js";

/** The generation's info under the message's own response metadata, as `@langchain/core` merges them. */
function withGenerationInfo(
  message: AIMessageChunk,
  generationInfo: Record<string, unknown> | undefined,
): AIMessageChunk {
  if (generationInfo !== undefined) {
    message.response_metadata = { ...generationInfo, ...message.response_metadata };
  }
  return message;
}

/**
 * The messages of a LangChain-style stream (`_streamResponseChunks`' `ChatGenerationChunk`s),
 * each with its generation info merged in. A chunk whose message is not an `AIMessageChunk` is
 * an `InvalidInputError` naming what to yield.
 */
export function generationChunkMessages(
  chunks: AsyncIterable<ChatGenerationChunk>,
  modelName: string,
): AsyncIterable<AIMessageChunk> {
  return mapStream(chunks, (chunk) => {
    if (!isAIMessageChunk(chunk?.message)) {
      throw new InvalidInputError(
        `${modelName}._streamResponseChunks must yield ChatGenerationChunk({ message: new AIMessageChunk(...) }), got ${describeValue(chunk?.message)}`,
      );
    }
    return withGenerationInfo(chunk.message, chunk.generationInfo);
  });
}

/**
 * The answer of a LangChain-style `_generate` as one message chunk: its first generation's
 * message (an `AIMessage` or chunk), with the generation info merged in. A result without a
 * generation, or whose message is not an AI message, is an `InvalidInputError`.
 */
export function chatResultMessage(result: ChatResult, modelName: string): AIMessageChunk {
  const generation = result?.generations?.[0];
  if (generation === undefined) {
    throw new InvalidInputError(
      `${modelName}._generate returned no generations: return { generations: [{ text, message: new AIMessage(text) }] }`,
    );
  }
  const { message } = generation;
  if (!AIMessage.isInstance(message)) {
    throw new InvalidInputError(
      `${modelName}._generate must return an AIMessage as the generation's message, got ${describeValue(message)}`,
    );
  }
  return withGenerationInfo(messageToChunk(message), generation.generationInfo);
}

/** `_generate`'s answer (`result`, called at the first read) as a stream of one chunk (see `chatResultMessage`). */
export async function* generatedAnswer(
  result: () => Promise<ChatResult>,
  modelName: string,
): AsyncGenerator<AIMessageChunk> {
  yield chatResultMessage(await result(), modelName);
}

function describeValue(value: unknown): string {
  if (value === null || typeof value !== "object") return String(value);
  return value.constructor?.name ?? "object";
}
