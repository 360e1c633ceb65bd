/** An app served in-process: `serve(...)`'s answer. */
export interface FetchApp {
  fetch(request: Request): Promise<Response>;
}

/** What {@link cutStreamFetch} answers: the fetch seam, and each stream request's `Last-Event-ID`. */
export interface CutStreamFetch {
  readonly fetch: (input: string, init: RequestInit) => Promise<Response>;
  /** The `Last-Event-ID` of every `.../stream` request, in order (null: none). */
  readonly seen: Array<string | null>;
  /** Every request made, as `METHOD path-suffix` (`POST /runs`, `GET /runs/x/stream`). */
  readonly requests: string[];
}

/**
 * The app as a fetch whose every `.../stream` answer is cut (its body closed, as a dropped
 * connection) after `cutAfter` frames, heartbeat comments not counted: a flaky network, for the
 * reconnect tests. `Infinity` cuts nothing.
 */
export function cutStreamFetch(app: FetchApp, cutAfter: number): CutStreamFetch {
  const seen: Array<string | null> = [];
  const requests: string[] = [];
  const fetch = async (input: string, init: RequestInit) => {
    const request = new Request(input, init);
    requests.push(`${request.method} ${new URL(input).pathname}`);
    const response = await app.fetch(request);
    if (!input.endsWith("/stream") || !response.ok || response.body === null) return response;
    seen.push(request.headers.get("last-event-id"));
    if (!Number.isFinite(cutAfter)) return response;
    return new Response(cutBody(response.body, cutAfter), response);
  };
  return { fetch, seen, requests };
}

function cutBody(source: ReadableStream<Uint8Array>, cutAfter: number): ReadableStream<Uint8Array> {
  const reader = source.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (sent >= cutAfter) {
        controller.close();
        await reader.cancel();
        return;
      }
      while (true) {
        const end = buffer.indexOf("\n\n");
        if (end >= 0) {
          const frame = buffer.slice(0, end + 2);
          buffer = buffer.slice(end + 2);
          controller.enqueue(new TextEncoder().encode(frame));
          if (!frame.startsWith(":") && ++sent >= cutAfter) {
            controller.close();
            await reader.cancel();
          }
          return;
        }
        const step = await reader.read();
        if (step.done) {
          controller.close();
          return;
        }
        buffer += step.value;
      }
    },
    cancel: () => reader.cancel(),
  });
}
