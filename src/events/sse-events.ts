import { errorPayload } from "../errors/error-payload.js";
import { encodeSseFrame } from "../sse/encode-sse-frame.js";
import { serializeEventData } from "../sse/serialize-event-data.js";

const encoder = new TextEncoder();

/**
 * Encodes events as Server-Sent Events bytes: one `event: data` frame per event (its JSON in
 * `data:`), then `event: end` and a blank line, with no `data:` line (`@langchain/core`'s exact
 * bytes; clients that dispatch only frames with data, such as `EventSource`, see the stream end
 * by the connection closing instead). A failure becomes an `event: error` frame with the error's
 * `errorPayload` (`{ code, name, message, status }`; a non-Rivulet error is masked as
 * `internal`, status 500) before `event: end`, so an HTTP client always sees the stream finish.
 */
export async function* encodeEventsAsSse(events: AsyncIterable<unknown>): AsyncGenerator<Uint8Array> {
  try {
    for await (const e of events) {
      yield encoder.encode(encodeSseFrame({ event: "data", data: serializeEventData(e) }));
    }
  } catch (error) {
    yield encoder.encode(encodeSseFrame({ event: "error", data: JSON.stringify(errorPayload(error)) }));
  }
  yield encoder.encode(encodeSseFrame({ event: "end" }));
}
