import type { IncomingMessage, ServerResponse } from "node:http";
import { AbortError } from "../errors/abort-error.js";
import { type NodeRequest, toWebRequest } from "./node-request.js";

/** A listener for Node's `http.createServer` and for Express (`app.use(listener)`). */
export type NodeListener = (req: IncomingMessage, res: ServerResponse) => void;

/** A web-standard handler, as `serve(...).fetch` is. */
export type FetchHandler = (request: Request) => Promise<Response>;

const CLOSED = Symbol("closed");

/**
 * Adapts a web-standard handler to Node's `http` (and Express): the request becomes a `Request`
 * (see `toWebRequest`; a body Express already parsed is used as is) whose `signal` aborts when
 * the response closes before it finished (the client went away); the response is written as
 * its body is read, waiting for `drain` whenever `res.write()` says the socket is full, so a slow
 * client slows the chain down instead of filling memory. A closed or failed socket cancels the
 * body, which closes the run.
 *
 * @example
 * http.createServer(toNodeListener(serve(chain).fetch)).listen(8000);
 * expressApp.use("/joke", toNodeListener(serve(chain).fetch));
 */
export function toNodeListener(fetch: FetchHandler): NodeListener {
  return (req, res) => {
    void respond(fetch, req, res);
  };
}

async function respond(fetch: FetchHandler, req: NodeRequest, res: ServerResponse): Promise<void> {
  const abort = new AbortController();
  const closed = new Promise<typeof CLOSED>((resolve) => {
    const onClose = () => {
      if (!res.writableFinished) abort.abort(new AbortError("The client closed the connection"));
      resolve(CLOSED);
    };
    // A middleware may call the listener after the client left: `close` has fired already.
    if (res.destroyed) onClose();
    else res.once("close", onClose);
  });
  let response: Response;
  try {
    response = await fetch(toWebRequest(req, abort.signal));
  } catch {
    // `serve`'s handler answers every failure itself; another handler may throw.
    if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
    res.end(JSON.stringify({ detail: "Internal error" }));
    return;
  }
  res.statusCode = response.status;
  // Answered before the body fully arrived (a 413, say): keeping the connection alive would mean
  // reading the rest first, however long a hostile client keeps sending, so close it after the answer.
  if (!req.complete && req.method !== "GET" && req.method !== "HEAD") res.setHeader("connection", "close");
  for (const [name, value] of response.headers) if (name !== "set-cookie") res.setHeader(name, value);
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("set-cookie", cookies);
  if (response.body === null) {
    res.end();
    return;
  }
  res.flushHeaders();
  await pipeBody(response.body, res, closed);
}

async function pipeBody(
  body: ReadableStream<Uint8Array>,
  res: ServerResponse,
  closed: Promise<typeof CLOSED>,
): Promise<void> {
  const reader = body.getReader();
  try {
    for (;;) {
      const step = await Promise.race([reader.read(), closed]);
      if (step === CLOSED) break;
      if (step.done) {
        res.end();
        return;
      }
      if (!res.write(step.value)) {
        const drained = new Promise<void>((resolve) => res.once("drain", resolve));
        if ((await Promise.race([drained, closed])) === CLOSED) break;
      }
    }
    await reader.cancel(new AbortError("The client closed the connection"));
  } catch (error) {
    await reader.cancel(error).catch(() => undefined);
    res.destroy(error instanceof Error ? error : undefined);
  }
}
