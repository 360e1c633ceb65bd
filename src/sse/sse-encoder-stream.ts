import { encodeSseFrame } from "./encode-sse-frame.js";
import type { SseFrame } from "./sse-frame.js";

/**
 * A web-standard `TransformStream` from `SseFrame`s to the UTF-8 bytes of a
 * `text/event-stream` body, one chunk per frame. A frame that `encodeSseFrame` refuses
 * (CR or LF in `event` or `id`) errors the stream with that `InvalidInputError`.
 *
 * @example
 * const body = ReadableStream.from(frames).pipeThrough(new SseEncoderStream());
 * return new Response(body, { headers: { "content-type": "text/event-stream" } });
 */
export class SseEncoderStream extends TransformStream<SseFrame, Uint8Array> {
  constructor() {
    const encoder = new TextEncoder();
    super({
      transform(frame, controller) {
        controller.enqueue(encoder.encode(encodeSseFrame(frame)));
      },
    });
  }
}
