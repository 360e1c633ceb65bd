// Test support (not part of the public API): a real HTTP server on 127.0.0.1 that replays
// recorded provider answers, so providers are tested through `fetch`, sockets and all.
import { readFileSync } from "node:fs";
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";

/** How the server answers one request. */
export interface ReplyScript {
  status?: number;
  /** Response headers; `content-type` defaults to `text/event-stream`, and `""` sends none. */
  headers?: Record<string, string>;
  /** The body, written as UTF-8. */
  body?: string;
  /** The body as raw bytes (for bodies that are not valid UTF-8); wins over `body`. */
  bodyBytes?: Uint8Array;
  /** Write the body in pieces of this many bytes (splitting frames and UTF-8 characters), pausing between them. */
  pieceBytes?: number;
  /** Pause between pieces in ms (default 1), so each piece leaves as its own TCP write. */
  pauseMs?: number;
  /** After the body: end the response (default), destroy the socket mid-stream, or keep it open until the client leaves. */
  ending?: "end" | "destroy" | "hang";
}

/** What the server saw of one request, and how the connection ended. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The request body parsed as JSON (undefined when empty or not JSON). */
  body: unknown;
  /** Pieces of the reply written before the connection closed. */
  piecesWritten: number;
  /** Pieces the script had. */
  piecesTotal: number;
  /** Resolves when the connection closes; `beforeFinished` is true if the reply was not finished yet. */
  closed: Promise<{ beforeFinished: boolean }>;
}

/** Reads a fixture file next to the calling test (`new URL("./fixtures/x.sse", import.meta.url)`). */
export function readFixture(url: URL): string {
  return readFileSync(url, "utf8");
}

function split(bytes: Uint8Array, size: number | undefined): Uint8Array[] {
  if (size === undefined || size >= bytes.length) return [bytes];
  const pieces: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) pieces.push(bytes.subarray(i, i + size));
  return pieces;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A loopback HTTP server that answers requests with queued {@link ReplyScript}s, in order, and
 * records each request (parsed JSON body, headers) and how its connection ended.
 */
export class LoopbackServer {
  readonly requests: RecordedRequest[] = [];
  readonly #scripts: ReplyScript[] = [];
  readonly #server: Server;
  url = "";

  private constructor() {
    this.#server = createServer((req, res) => void this.#handle(req, res));
  }

  /** Starts a server on 127.0.0.1 on a free port. */
  static async start(): Promise<LoopbackServer> {
    const server = new LoopbackServer();
    await new Promise<void>((resolve) => server.#server.listen(0, "127.0.0.1", resolve));
    const { port } = server.#server.address() as AddressInfo;
    server.url = `http://127.0.0.1:${port}`;
    return server;
  }

  /** Queues answers for the next requests. */
  reply(...scripts: ReplyScript[]): this {
    this.#scripts.push(...scripts);
    return this;
  }

  /** Stops the server and drops open connections. */
  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const script = this.#scripts.shift() ?? { status: 500, body: '{"error":"no reply scripted"}' };
    const text = await readRequest(req);
    const bytes = script.bodyBytes ?? new TextEncoder().encode(script.body ?? "");
    const pieces = split(bytes, script.pieceBytes);
    const record: RecordedRequest = {
      method: req.method ?? "",
      path: req.url ?? "",
      headers: req.headers,
      body: parseJson(text),
      piecesWritten: 0,
      piecesTotal: pieces.length,
      closed: new Promise((resolve) =>
        res.on("close", () => resolve({ beforeFinished: !res.writableFinished })),
      ),
    };
    this.requests.push(record);
    await writeReply(res, script, pieces, record);
  }
}

async function readRequest(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

async function writeReply(
  res: ServerResponse,
  script: ReplyScript,
  pieces: Uint8Array[],
  record: RecordedRequest,
) {
  // An empty content type means "send none", as a server that omits the header does.
  const { "content-type": contentType = "text/event-stream", ...rest } = script.headers ?? {};
  res.writeHead(script.status ?? 200, contentType === "" ? rest : { ...rest, "content-type": contentType });
  res.flushHeaders();
  res.socket?.setNoDelay(true);
  for (const piece of pieces) {
    if (res.destroyed) return;
    res.write(piece);
    record.piecesWritten++;
    if (pieces.length > 1) await pause(script.pauseMs ?? 1);
  }
  if (script.ending === "destroy") {
    await pause(20); // let the pieces reach the client before the socket goes
    res.socket?.destroy();
  } else if (script.ending !== "hang") {
    res.end();
  }
}
