import type { IncomingMessage } from "node:http";

/** An incoming request as Express leaves it: maybe with a body its middleware already parsed. */
export type NodeRequest = IncomingMessage & { body?: unknown };

/**
 * A web `Request` for a Node request: the URL from `Host` and `req.url` (so under Express's
 * `app.use("/api", listener)` the mount path is already removed), the raw headers, and the
 * body: read from the socket as the handler pulls it (paused while unread), or, when a
 * middleware already consumed it into `req.body`, that body (a Buffer or string as is, any other
 * value as JSON; a `req.body` set while the stream is still unread is ignored). `signal`
 * aborts the request (the adapter ties it to the response's `close`).
 */
export function toWebRequest(req: NodeRequest, signal: AbortSignal): Request {
  const secure = Reflect.get(req.socket, "encrypted") === true;
  const url = new URL(req.url ?? "/", `${secure ? "https" : "http"}://${req.headers.host ?? "localhost"}`);
  const headers = new Headers();
  for (let index = 0; index + 1 < req.rawHeaders.length; index += 2) {
    const name = req.rawHeaders[index] ?? "";
    if (!name.startsWith(":")) headers.append(name, req.rawHeaders[index + 1] ?? "");
  }
  const method = req.method ?? "GET";
  if (method === "GET" || method === "HEAD") return new Request(url, { method, headers, signal });
  // Only a body a middleware actually read: Express 4's express.json() sets `req.body = {}` and
  // leaves a body of another content type unread in the stream, which is then the real body.
  if (req.body !== undefined && req.readableEnded)
    return new Request(url, {
      method,
      headers: parsedBodyHeaders(headers, req.body),
      signal,
      body: parsedBody(req.body),
    });
  const init: RequestInit & { duplex: "half" } = {
    method,
    headers,
    signal,
    body: bodyStream(req),
    duplex: "half",
  };
  return new Request(url, init);
}

function parsedBody(body: unknown): string | Uint8Array {
  if (typeof body === "string") return body;
  if (body instanceof Uint8Array) return new Uint8Array(body);
  return JSON.stringify(body);
}

function parsedBodyHeaders(headers: Headers, body: unknown): Headers {
  // The parsed body is re-encoded, so the client's length no longer applies.
  headers.delete("content-length");
  headers.delete("transfer-encoding");
  if (typeof body !== "string" && !(body instanceof Uint8Array))
    headers.set("content-type", "application/json");
  return headers;
}

/** The request's bytes as a pull-based stream: the socket is paused whenever the reader is behind. */
function bodyStream(req: IncomingMessage): ReadableStream<Uint8Array> {
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      req.on("data", (chunk: Buffer) => {
        if (cancelled) return;
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 0) <= 0) req.pause();
      });
      req.once("end", () => {
        if (!cancelled) controller.close();
      });
      req.once("error", (error) => {
        if (!cancelled) controller.error(error);
      });
    },
    pull() {
      req.resume();
    },
    cancel() {
      // A body refused half-way (413): the rest is discarded, not buffered.
      cancelled = true;
      req.resume();
    },
  });
}
