// Review: LangSmith runs are posted once however tracing was asked for twice: a call passing its
// own LangChainTracer while tracing is registered for the process (LangChain skips the
// environment's tracer then), or registerLangSmith after LANGSMITH_TRACING registered at import.
// The loopback endpoint is lang-smith-tracing.test.ts's, counting the posts of each run.
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server } from "node:http";
import { LangChainTracer } from "@langchain/core/tracers/tracer_langchain";
import { AIMessageChunk, ChatPromptTemplate, StringOutputParser } from "rivulet";
import {
  flushLangSmith,
  langSmithTracer,
  registerLangSmith,
  registerLangSmithFromEnvironment,
} from "rivulet/langchain";
import { FakeStreamingChatModel } from "rivulet/testing";
import { afterEach, describe, expect, it } from "vitest";

/** A run as the endpoint received it: the post's fields, then the patch's over them. */
type PostedRun = Record<string, unknown> & { id: string; name?: string; parent_run_id?: string };

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

interface Endpoint {
  url: string;
  runs: Map<string, PostedRun>;
  requests: number;
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function endpoint(options: { stalled?: boolean } = {}): Promise<Endpoint> {
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

function model(): FakeStreamingChatModel {
  return new FakeStreamingChatModel({
    model: "fake-gpt",
    chunks: [
      new AIMessageChunk({ content: "Hello" }),
      new AIMessageChunk({
        content: " Ada",
        usage_metadata: { input_tokens: 9, output_tokens: 2, total_tokens: 11 },
      }),
    ],
  });
}

const prompt = ChatPromptTemplate.fromMessages([["human", "Greet {name}"]]);

describe("flushLangSmith", () => {
  it("waits for the queue of a client from another copy of langsmith", async () => {
    let flushed = false;
    const client = {
      awaitPendingTraceBatches: async () => {
        await new Promise((resolve) => setTimeout(resolve, 10));
        flushed = true;
      },
    };
    // A client of the same shape that is not this copy's Client class (a nested install).
    const tracer = new LangChainTracer({});
    Reflect.set(tracer, "client", client);
    await flushLangSmith(tracer);
    expect(flushed).toBe(true);
  });
});

describe("registerLangSmith with a call's own LangChainTracer", () => {
  it("posts each run once, with the call's tracer, as LangChain does under LANGSMITH_TRACING", async () => {
    const server = await endpoint();
    const tracing = registerLangSmith({ apiUrl: server.url, apiKey: "test-key", projectName: "global" });
    const own = langSmithTracer({ apiUrl: server.url, apiKey: "test-key", projectName: "checkout" });
    const chain = prompt.pipe(model()).pipe(new StringOutputParser());
    try {
      await chain.invoke({ name: "Ada" }, { callbacks: [own] });
      await model().invoke("Hi", { callbacks: [tracing.tracer] });
    } finally {
      tracing.stop();
    }
    await Promise.all([flushLangSmith(own), tracing.flush()]);
    const runs = [...server.runs.values()];
    expect(runs.map((run) => [run.name, run.posts, run.session_name])).toEqual([
      ["RunnableSequence", 1, "checkout"],
      ["ChatPromptTemplate", 1, "checkout"],
      ["FakeStreamingChatModel", 1, "checkout"],
      ["StrOutputParser", 1, "checkout"],
      ["FakeStreamingChatModel", 1, "global"],
    ]);
  });
});

describe("registerLangSmith while LANGSMITH_TRACING registered at import", () => {
  it("replaces the environment's registration: each run is posted once", async () => {
    const server = await endpoint();
    const saved = { ...process.env };
    try {
      Object.assign(process.env, {
        LANGSMITH_TRACING: "true",
        LANGSMITH_ENDPOINT: server.url,
        LANGSMITH_API_KEY: "test-key",
        LANGSMITH_PROJECT: "from-env",
      });
      const fromEnvironment = registerLangSmithFromEnvironment(); // what importing rivulet/langchain does
      const tracing = registerLangSmith({ apiUrl: server.url, apiKey: "test-key", projectName: "explicit" });
      try {
        await model().invoke("Hi");
      } finally {
        tracing.stop();
        fromEnvironment?.stop();
      }
      await Promise.all([tracing.flush(), fromEnvironment?.flush()]);
      expect([...server.runs.values()].map((run) => [run.name, run.posts, run.session_name])).toEqual([
        ["FakeStreamingChatModel", 1, "explicit"],
      ]);
    } finally {
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
    }
  });
});
