import type { AIMessageChunk } from "../messages/ai-message-chunk.js";
import { GenerationChunk } from "../streams/generation-chunk.js";

/** The fields a {@link ChatGenerationChunk} is built from. */
export interface ChatGenerationChunkFields {
  /** The piece of the model's message. */
  message: AIMessageChunk;
  /** The piece's text (default: the message's text). */
  text?: string | undefined;
  /** Provider details (finish reason, log probabilities...); merged into the message's `response_metadata`. */
  generationInfo?: Record<string, unknown> | undefined;
}

/**
 * One piece of a chat model's streamed answer in `@langchain/core`'s `outputs` shape: the
 * message chunk, its text, and provider details. Custom models written LangChain's way yield
 * these from `_streamResponseChunks`; the base class streams their messages (with
 * `generationInfo` merged under the message's own `response_metadata`, as LangChain merges it).
 *
 * @example
 * async *_streamResponseChunks(messages: BaseMessage[]) {
 *   for (const letter of "hi") yield new ChatGenerationChunk({ message: new AIMessageChunk(letter), text: letter });
 * }
 */
export class ChatGenerationChunk extends GenerationChunk {
  message: AIMessageChunk;

  constructor(fields: ChatGenerationChunkFields) {
    super({ text: fields.text ?? fields.message.text, generationInfo: fields.generationInfo });
    this.message = fields.message;
  }

  /** A new chunk: texts joined, messages concatenated, infos merged (the other's keys winning). */
  override concat(chunk: ChatGenerationChunk): ChatGenerationChunk {
    return new ChatGenerationChunk({
      message: this.message.concat(chunk.message),
      text: this.text + chunk.text,
      generationInfo: { ...this.generationInfo, ...chunk.generationInfo },
    });
  }
}
