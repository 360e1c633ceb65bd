import { CHUNK_BRAND } from "./base-message.js";
import { HumanMessage } from "./human-message.js";
import { mergeMessageFields } from "./merge-message-fields.js";

/**
 * A streamed piece of a {@link HumanMessage}. `concat` joins two pieces into a new one (content joins,
 * metadata merges, the first id wins); neither piece is changed.
 *
 * @example
 * new HumanMessageChunk("Hel").concat(new HumanMessageChunk("lo")).content; // "Hello"
 */
export class HumanMessageChunk extends HumanMessage {
  override get [CHUNK_BRAND](): boolean {
    return true;
  }

  /** A new chunk holding this one followed by `other`. */
  concat(other: HumanMessageChunk): HumanMessageChunk {
    return new HumanMessageChunk(mergeMessageFields(this, other));
  }

  /** True for any HumanMessageChunk, even one made by another copy of the package. */
  static override isInstance(value: unknown): value is HumanMessageChunk {
    return HumanMessage.isInstance(value) && value[CHUNK_BRAND] === true;
  }
}

/** Type guard for {@link HumanMessageChunk}. */
export function isHumanMessageChunk(value: unknown): value is HumanMessageChunk {
  return HumanMessageChunk.isInstance(value);
}
