import type { AIMessageChunk } from "../../messages/ai-message-chunk.js";
import type { ChatModelStreamEvent } from "./chat-model-stream-event.js";

/** The events a provider decoded from the wire for each chunk, beside the chunk (which runs and callbacks see). */
const NATIVE_EVENTS = new WeakMap<AIMessageChunk, readonly ChatModelStreamEvent[]>();

/**
 * Attaches the content-block events a provider decoded for `chunk` from its wire format (a
 * block's start with the model's call id, its deltas, its finish when the wire says so, usage
 * snapshots), so that `model.streamEvents(input)` gives them instead of events derived from
 * the chunk. The chunk itself is unchanged: runs, callbacks and `invoke` see it as before.
 * Providers never emit `message-finish`: the stream ends the message itself, from the
 * chunks' response metadata and usage, after the last chunk. Returns the chunk.
 *
 * @example
 * yield attachNativeStreamEvents(new AIMessageChunk("Hi"), [{ event: "content-block-delta", index: 0, delta: { type: "text-delta", text: "Hi" } }]);
 */
export function attachNativeStreamEvents(
  chunk: AIMessageChunk,
  events: readonly ChatModelStreamEvent[],
): AIMessageChunk {
  NATIVE_EVENTS.set(chunk, events);
  return chunk;
}

/** The events attached to `chunk` by its provider, or undefined when it has none (derive them instead). */
export function nativeStreamEventsOf(chunk: AIMessageChunk): readonly ChatModelStreamEvent[] | undefined {
  return NATIVE_EVENTS.get(chunk);
}
