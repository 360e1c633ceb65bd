import { decodeUtf8Chunks } from "./decode-utf8-chunks.js";
import { LineSplitter } from "./line-splitter.js";
import { SseEventBuilder } from "./sse-event-builder.js";
import type { SseMessage } from "./sse-message.js";

/**
 * Reads a `text/event-stream` body (a `fetch` response body, or any async iterable of
 * bytes) and yields its events, following the WHATWG parsing rules: lines end at `\n`,
 * `\r\n` or `\r`; a blank line dispatches; `data:` lines join with `\n`; `:` lines are
 * comments; a field without a colon has an empty value; one space after the colon is
 * dropped; a leading BOM is skipped; the event name defaults to `"message"`. Chunks may
 * split frames, lines, `\r\n` and multi-byte UTF-8 characters anywhere. A last frame not
 * closed by a blank line when the stream ends is dropped, as the spec says. Stopping the
 * loop early cancels a `ReadableStream` source.
 *
 * @example
 * const response = await fetch(url, { method: "POST", body, signal });
 * for await (const { event, data } of parseSseStream(response.body!)) {
 *   if (data === "[DONE]") break;
 *   handle(event, JSON.parse(data));
 * }
 */
export async function* parseSseStream(
  stream: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>,
): AsyncGenerator<SseMessage, void, undefined> {
  const lines = new LineSplitter({ breakOnCr: true });
  const builder = new SseEventBuilder();
  for await (const text of decodeUtf8Chunks(stream)) {
    for (const line of lines.push(text)) {
      const message = builder.line(line);
      if (message !== undefined) yield message;
    }
  }
  // End of stream: an unterminated line and an undispatched frame are discarded.
}
