import { CHUNK_BRAND } from "./base-message.js";
import { firstText, mergeMessageFields } from "./merge-message-fields.js";
import { mergeValues } from "./merge-objects.js";
import type { ToolMessageFields } from "./tool-message.js";
import { ToolMessage } from "./tool-message.js";

/**
 * A streamed piece of a {@link ToolMessage}. `concat` joins content, keeps the first
 * `tool_call_id`, reports `"error"` if either piece failed, and merges artifacts like metadata
 * (strings join, objects merge).
 *
 * @example
 * new ToolMessageChunk({ content: "18", tool_call_id: "c1" }).concat(new ToolMessageChunk({ content: "°C", tool_call_id: "c1" }));
 */
export class ToolMessageChunk extends ToolMessage {
  override get [CHUNK_BRAND](): boolean {
    return true;
  }

  /** A new chunk holding this one followed by `other`. */
  concat(other: ToolMessageChunk): ToolMessageChunk {
    const fields: ToolMessageFields = {
      ...mergeMessageFields(this, other),
      tool_call_id: firstText(this.tool_call_id, other.tool_call_id) ?? "",
    };
    // A failure anywhere in the stream fails the result.
    const status =
      this.status === "error" || other.status === "error" ? "error" : (this.status ?? other.status);
    if (status !== undefined) fields.status = status;
    const artifact = mergeValues(this.artifact, other.artifact);
    if (artifact !== undefined) fields.artifact = artifact;
    return new ToolMessageChunk(fields);
  }

  /** True for any ToolMessageChunk, even one made by another copy of the package. */
  static override isInstance(value: unknown): value is ToolMessageChunk {
    return ToolMessage.isInstance(value) && value[CHUNK_BRAND] === true;
  }
}

/** Type guard for {@link ToolMessageChunk}. */
export function isToolMessageChunk(value: unknown): value is ToolMessageChunk {
  return ToolMessageChunk.isInstance(value);
}
