import type { AIMessageChunk } from "./ai-message-chunk.js";
import { isChunkBranded } from "./base-message.js";
import type { ChatMessageChunk } from "./chat-message-chunk.js";
import type { FunctionMessageChunk } from "./function-message-chunk.js";
import type { HumanMessageChunk } from "./human-message-chunk.js";
import type { SystemMessageChunk } from "./system-message-chunk.js";
import type { ToolMessageChunk } from "./tool-message-chunk.js";

/**
 * Any message chunk (a message with `concat`). In `@langchain/core` this is an abstract class; here
 * it is a union, so narrowing on `type` gives the exact chunk class.
 *
 * @example
 * function fold(chunks: AIMessageChunk[]) { return chunks.reduce((a, b) => a.concat(b)); }
 */
export type BaseMessageChunk =
  | AIMessageChunk
  | HumanMessageChunk
  | SystemMessageChunk
  | ToolMessageChunk
  | ChatMessageChunk
  | FunctionMessageChunk;

/** Type guard for any message chunk, across duplicated package copies. */
export function isBaseMessageChunk(value: unknown): value is BaseMessageChunk {
  return isChunkBranded(value);
}
