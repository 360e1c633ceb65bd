import { CHUNK_BRAND } from "./base-message.js";
import { FunctionMessage } from "./function-message.js";
import { mergeMessageFields } from "./merge-message-fields.js";

/**
 * A streamed piece of a {@link FunctionMessage}. `concat` joins content and metadata and keeps the
 * first function name.
 *
 * @example
 * new FunctionMessageChunk({ content: '{"t":', name: "f" }).concat(new FunctionMessageChunk({ content: "18}", name: "f" })).content; // '{"t":18}'
 */
export class FunctionMessageChunk extends FunctionMessage {
  override get [CHUNK_BRAND](): boolean {
    return true;
  }

  /** A new chunk holding this one followed by `other`. */
  concat(other: FunctionMessageChunk): FunctionMessageChunk {
    const merged = mergeMessageFields(this, other);
    return new FunctionMessageChunk({ ...merged, name: merged.name ?? "" });
  }

  /** True for any FunctionMessageChunk, even one made by another copy of the package. */
  static override isInstance(value: unknown): value is FunctionMessageChunk {
    return FunctionMessage.isInstance(value) && value[CHUNK_BRAND] === true;
  }
}

/** Type guard for {@link FunctionMessageChunk}. */
export function isFunctionMessageChunk(value: unknown): value is FunctionMessageChunk {
  return FunctionMessageChunk.isInstance(value);
}
