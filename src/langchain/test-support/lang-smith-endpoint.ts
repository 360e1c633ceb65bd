// A loopback server standing in for the LangSmith endpoint: it reads LangSmith's multipart ingest
// (post.<id>, post.<id>.inputs, patch.<id>...) and folds it into runs, counting each run's posts.
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server } from "node:http";

/** A run as the endpoint received it: the post's fields, then the patch's over them. */
export type PostedRun = Record<string, unknown> & { id: string; name?: string; parent_run_id?: string };

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of request) parts.push(Buffer.isBuffer(part) ? part : Buffer.from(String(part)));
  return Buffer.concat(parts);
}

/** Folds one multipart ingest request (`post.<id>`, `post.<id>.inputs`, `patch.<id>`...) into runs. */
async function foldMultipart(body: Buffer, type: string, runs: Map<string, PostedRun>): Promise<void> {
  const form = await new Request("http://endpoint/", {
    method: "POST",
    headers: { "content-type": type },
    body,
  }).formData();
  for (const [name, value] of form.entries()) {
    const [, id, field] = /^(?:post|patch)\.([^.]+)(?:\.(.+))?$/.exec(name) ?? [];
    if (id === undefined) continue;
    const text = typeof value === "string" ? value : await value.text();
    const parsed: unknown = JSON.parse(text);
    const run: PostedRun = runs.get(id) ?? { id };
    if (field === undefined) {
      Object.assign(run, parsed);
      if (name.startsWith("post.")) run.posts = Number(run.posts ?? 0) + 1;
    } else run[field] = parsed;
    runs.set(id, run);
  }
}

export interface Endpoint {
  url: string;
  runs: Map<string, PostedRun>;
  requests: number;
}

const servers: Server[] = [];

/** Closes every endpoint started since the last call (call it in `afterEach`). */
export async function closeEndpoints(): Promise<void> {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

export async function endpoint(options: { stalled?: boolean } = {}): Promise<Endpoint> {
  const state: Endpoint = { url: "", runs: new Map(), requests: 0 };
  const server = createServer((request, response) => {
    state.requests += 1;
    if (options.stalled === true) return; // never answers
    void readBody(request).then(async (body) => {
      const type = request.headers["content-type"] ?? "";
      if (request.method === "POST" && type.startsWith("multipart/form-data"))
        await foldMultipart(body, type, state.runs);
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  servers.push(server);
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  state.url = `http://127.0.0.1:${address.port}`;
  return state;
}
