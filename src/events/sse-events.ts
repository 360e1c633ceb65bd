import { RivuletError } from "../errors/rivulet-error.js";
import { encodeSseFrame } from "../sse/encode-sse-frame.js";
import { serializeEventData } from "../sse/serialize-event-data.js";

const encoder = new TextEncoder();

function errorPayload(error: unknown): Record<string, unknown> {
  if (error instanceof Error) {
    return {
      name: error.name,
      message: error.message,
      ...(RivuletError.isInstance(error) ? { code: error.code } : {}),
    };
  }
  return { name: "Error", message: String(error) };
}

/**
 * Encodes events as Server-Sent Events bytes: one `event: data` frame per event (its JSON in
 * `data:`), then `event: end`. A failure becomes an `event: error` frame with `{ name, message,
 * code? }` before `event: end`, so an HTTP client always sees the stream finish.
 */
export async function* encodeEventsAsSse(events: AsyncIterable<unknown>): AsyncGenerator<Uint8Array> {
  try {
    for await (const e of events) {
      yield encoder.encode(encodeSseFrame({ event: "data", data: serializeEventData(e) }));
    }
  } catch (error) {
    yield encoder.encode(encodeSseFrame({ event: "error", data: serializeEventData(errorPayload(error)) }));
  }
  yield encoder.encode(encodeSseFrame({ event: "end", data: "" }));
}
