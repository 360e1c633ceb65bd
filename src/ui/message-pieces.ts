import { isNonArrayObject } from "../internal/is-non-array-object.js";
import type { AIMessageChunk } from "../messages/ai-message-chunk.js";

/** The text and the reasoning one streamed model chunk carries, in the order they appear. */
export interface MessagePiece {
  readonly kind: "text" | "reasoning";
  readonly text: string;
}

/**
 * The text and reasoning pieces of a chunk: string content is text; content blocks `text` are
 * text, `thinking` (Anthropic) and `reasoning` (standard blocks) are reasoning; and
 * `additional_kwargs.reasoning_content` (OpenAI-compatible servers, DeepSeek) is reasoning that
 * comes before the chunk's content.
 */
export function messagePieces(chunk: AIMessageChunk): MessagePiece[] {
  const pieces: MessagePiece[] = [];
  const kwargsReasoning = chunk.additional_kwargs.reasoning_content;
  if (typeof kwargsReasoning === "string" && kwargsReasoning !== "") {
    pieces.push({ kind: "reasoning", text: kwargsReasoning });
  }
  const content = chunk.content;
  if (typeof content === "string") {
    if (content !== "") pieces.push({ kind: "text", text: content });
    return pieces;
  }
  for (const block of content) {
    const piece = blockPiece(block);
    if (piece !== undefined) pieces.push(piece);
  }
  return pieces;
}

function blockPiece(block: unknown): MessagePiece | undefined {
  if (!isNonArrayObject(block)) return undefined;
  const text =
    block.type === "text" ? block.text : block.type === "thinking" ? block.thinking : block.reasoning;
  if (typeof text !== "string" || text === "") return undefined;
  if (block.type === "text") return { kind: "text", text };
  if (block.type === "thinking" || block.type === "reasoning") return { kind: "reasoning", text };
  return undefined;
}
