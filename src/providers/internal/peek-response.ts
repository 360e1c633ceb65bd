import { raceAbort } from "../../internal/abort.js";

/** A response whose first bytes were read to look at, and the same response with them put back. */
export interface PeekedResponse {
  /** The text of the bytes read so far. */
  head: string;
  /** A response equal to the original, whose body starts again from the first byte. */
  response: Response;
}

/**
 * Reads the first bytes of a body until `enough(head)` says they tell what the body is (or the
 * body ends), racing each read against `signal`, and returns them with a response that replays
 * them before the rest, so the decoder still sees the whole body. Cancelling the replayed body
 * cancels the original (its connection is released). A response without a body is returned as is.
 */
export async function peekResponse(
  response: Response,
  signal: AbortSignal,
  enough: (head: string) => boolean,
): Promise<PeekedResponse> {
  if (response.body === null) return { head: "", response };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  const decoder = new TextDecoder("utf-8");
  let head = "";
  let done = false;
  try {
    while (!enough(head)) {
      const next = await raceAbort(reader.read(), signal);
      if (next.done) {
        done = true;
        break;
      }
      chunks.push(next.value);
      head += decoder.decode(next.value, { stream: true });
    }
  } catch (error) {
    reader.cancel().catch(() => {});
    throw error;
  }
  return { head, response: replay(response, reader, chunks, done) };
}

function replay(
  response: Response,
  reader: ReadableStreamDefaultReader<Uint8Array>,
  chunks: Uint8Array[],
  done: boolean,
): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      if (done) controller.close();
    },
    async pull(controller) {
      const next = await reader.read();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
