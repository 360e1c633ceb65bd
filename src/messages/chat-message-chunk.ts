import { CHUNK_BRAND } from "./base-message.js";
import { ChatMessage } from "./chat-message.js";
import { firstText, mergeMessageFields } from "./merge-message-fields.js";

/**
 * A streamed piece of a {@link ChatMessage}. `concat` joins content and keeps the first role.
 *
 * @example
 * new ChatMessageChunk("Chec", "observer").concat(new ChatMessageChunk("ked", "observer")).content; // "Checked"
 */
export class ChatMessageChunk extends ChatMessage {
  override get [CHUNK_BRAND](): boolean {
    return true;
  }

  /** A new chunk holding this one followed by `other`. */
  concat(other: ChatMessageChunk): ChatMessageChunk {
    return new ChatMessageChunk({
      ...mergeMessageFields(this, other),
      role: firstText(this.role, other.role) ?? "",
    });
  }

  /** True for any ChatMessageChunk, even one made by another copy of the package. */
  static override isInstance(value: unknown): value is ChatMessageChunk {
    return ChatMessage.isInstance(value) && value[CHUNK_BRAND] === true;
  }
}

/** Type guard for {@link ChatMessageChunk}. */
export function isChatMessageChunk(value: unknown): value is ChatMessageChunk {
  return ChatMessageChunk.isInstance(value);
}
