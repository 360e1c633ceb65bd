import { abortErrorOf, raceAbort } from "../../internal/abort.js";

/** How much of an error body is kept: enough for any real error message, never a whole HTML page of 1 GB. */
export const MAX_ERROR_BODY_BYTES = 64 * 1024;

/** What was read of a body that is not a stream: its text, and why the read stopped early if it did. */
export interface BoundedBody {
  /** The text read (invalid UTF-8 replaced by U+FFFD), at most `maxBytes` of it. */
  text: string;
  /** True when the body had more than `maxBytes`: the rest was not read. */
  truncated: boolean;
  /** The error that cut the read off (a connection reset), when one did; the text is what came before. */
  readError: unknown;
  /** The typed abort or timeout error, when the signal aborted before the body was read. */
  stopped: Error | undefined;
}

/**
 * Reads a response body that is not a stream (an error page, a JSON error) as text, up to
 * `maxBytes`, racing each read against `signal` so a server that sends a status and then stalls
 * cannot hold the call past its deadlines. The connection is released when the read stops.
 * Never throws: a failure is reported in the result next to whatever arrived before it.
 */
export async function readBoundedBody(
  response: Response,
  signal: AbortSignal,
  maxBytes: number = MAX_ERROR_BODY_BYTES,
): Promise<BoundedBody> {
  const result: BoundedBody = { text: "", truncated: false, readError: undefined, stopped: undefined };
  if (response.body === null) return result;
  const reader = response.body.getReader();
  const decoder = new TextDecoder("utf-8");
  let received = 0;
  try {
    for (;;) {
      const next = await raceAbort(reader.read(), signal);
      if (next.done) break;
      const room = maxBytes - received;
      const piece = next.value.byteLength > room ? next.value.subarray(0, room) : next.value;
      received += piece.byteLength;
      result.text += decoder.decode(piece, { stream: true });
      if (piece !== next.value) {
        result.truncated = true;
        break;
      }
    }
  } catch (error) {
    if (signal.aborted) result.stopped = abortErrorOf(signal);
    else result.readError = error;
  } finally {
    reader.cancel().catch(() => {});
  }
  result.text += decoder.decode();
  return result;
}
