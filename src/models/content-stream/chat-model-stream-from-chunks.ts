import type { AIMessageChunk } from "../../messages/ai-message-chunk.js";
import { ChatModelStream } from "./chat-model-stream.js";
import type { ChatModelStreamEvent } from "./chat-model-stream-event.js";
import { ChunkEventDeriver } from "./chunk-event-deriver.js";
import { nativeStreamEventsOf } from "./native-stream-events.js";

/**
 * The content-block events of a chunk stream: a chunk that carries its provider's own events
 * (see `attachNativeStreamEvents`) gives those, any other is derived by a `ChunkEventDeriver`.
 * Closing the events closes the chunk stream, which cancels the call behind it.
 */
async function* eventsOfChunks(
  openChunks: () => Promise<AsyncIterable<AIMessageChunk>>,
): AsyncGenerator<ChatModelStreamEvent, void, undefined> {
  const deriver = new ChunkEventDeriver();
  for await (const chunk of await openChunks()) {
    const native = nativeStreamEventsOf(chunk);
    yield* native === undefined ? deriver.push(chunk) : deriver.adopt(chunk, native);
  }
  yield* deriver.finish();
}

/**
 * A {@link ChatModelStream} over the chunks `openChunks` streams (a chat model's `stream`
 * call, opened on the first read, so the call is one run that observers and callbacks see).
 *
 * @example
 * const stream = chatModelStreamFromChunks(() => model.stream("Hi", { signal }));
 * for await (const delta of stream.text) process.stdout.write(delta);
 */
export function chatModelStreamFromChunks(
  openChunks: () => Promise<AsyncIterable<AIMessageChunk>>,
): ChatModelStream {
  return new ChatModelStream({ [Symbol.asyncIterator]: () => eventsOfChunks(openChunks) });
}
