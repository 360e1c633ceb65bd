import type { ContentBlockDelta } from "./chat-model-stream-event.js";
import type { StreamContentBlock } from "./stream-content-block.js";

/**
 * Applies one delta to a block in place, by the accumulation rules of content-block events:
 * text, reasoning and tool-call argument slices append to `text`, `reasoning` and `args`;
 * data appends to a non-standard block's `value.data`; a `block-delta` shallow-merges its
 * fields. A delta that does not fit the block's kind is ignored, as consumers ignore what
 * they do not know.
 */
export function applyBlockDelta(block: StreamContentBlock, delta: ContentBlockDelta): void {
  switch (delta.type) {
    case "text-delta":
      if (block.type === "text") block.text += delta.text;
      return;
    case "reasoning-delta":
      if (block.type === "reasoning") block.reasoning += delta.reasoning;
      return;
    case "tool-call-delta":
      if (block.type === "tool_call_chunk") block.args = (block.args ?? "") + delta.args;
      return;
    case "data-delta":
      if (block.type === "non_standard") {
        const before = block.value.data;
        block.value.data = (typeof before === "string" ? before : "") + delta.data;
      }
      return;
    case "block-delta":
      Object.assign(block, delta.fields);
      return;
  }
}
