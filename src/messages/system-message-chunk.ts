import { CHUNK_BRAND } from "./base-message.js";
import { mergeMessageFields } from "./merge-message-fields.js";
import { SystemMessage } from "./system-message.js";

/**
 * A streamed piece of a {@link SystemMessage}. `concat` joins two pieces into a new one (content joins,
 * metadata merges, the first id wins); neither piece is changed.
 *
 * @example
 * new SystemMessageChunk("Hel").concat(new SystemMessageChunk("lo")).content; // "Hello"
 */
export class SystemMessageChunk extends SystemMessage {
  override get [CHUNK_BRAND](): boolean {
    return true;
  }

  /** A new chunk holding this one followed by `other`. */
  concat(other: SystemMessageChunk): SystemMessageChunk {
    return new SystemMessageChunk(mergeMessageFields(this, other));
  }

  /** True for any SystemMessageChunk, even one made by another copy of the package. */
  static override isInstance(value: unknown): value is SystemMessageChunk {
    return SystemMessage.isInstance(value) && value[CHUNK_BRAND] === true;
  }
}

/** Type guard for {@link SystemMessageChunk}. */
export function isSystemMessageChunk(value: unknown): value is SystemMessageChunk {
  return SystemMessageChunk.isInstance(value);
}
