// The Express 5 recipe of docs/serving.md, run: toNodeListener under a path prefix, behind
// express.json() (a body Express already parsed), streaming stream_events over loopback, and a
// client that leaves mid-stream closing the run.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import type { Runnable } from "rivulet";
import { type ServeOptions, serve, toNodeListener } from "rivulet/serve";
import { RunRecorder } from "rivulet/testing";
import { afterEach, describe, expect, it } from "vitest";
import {
  ANSWER,
  EXPECTED_STREAM_EVENTS,
  JOKE_BODY,
  jokeChain,
  readStreamEvents,
  slowModel,
  waitFor,
} from "./test-support/mount-fixtures.js";

// The recipe, as docs/serving.md shows it (`options` added for the tests' recorder).
function expressApp(chain: Runnable, options: ServeOptions = {}) {
  const app = express();
  const rivulet = toNodeListener(serve({ "/joke": chain }, options).fetch);
  app.use("/api", rivulet); // POST /api/joke/invoke, /api/joke/stream_events, ...
  app.use("/parsed", express.json(), rivulet); // a body express.json() already read
  return app;
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function start(chain: Runnable, options: ServeOptions = {}): Promise<string> {
  const server = expressApp(chain, options).listen(0, "127.0.0.1");
  servers.push(server);
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

function post(url: string, body: string, headers: Record<string, string> = {}, signal?: AbortSignal) {
  return fetch(url, {
    method: "POST",
    body,
    headers: { "content-type": "application/json", ...headers },
    ...(signal === undefined ? {} : { signal }),
  });
}

describe("Express 5: toNodeListener under a path prefix", () => {
  it("invokes and streams stream_events as SSE frames", async () => {
    const url = await start(jokeChain(), { heartbeat: false });
    const invoked = await post(`${url}/api/joke/invoke`, JOKE_BODY);
    expect(await invoked.json()).toMatchObject({ output: ANSWER });
    const streamed = await readStreamEvents(await post(`${url}/api/joke/stream_events`, JOKE_BODY));
    expect(streamed).toEqual(EXPECTED_STREAM_EVENTS);
  });

  it("outside the mount path Express answers; a wrong route inside it is rivulet's 404", async () => {
    const url = await start(jokeChain(), { heartbeat: false });
    expect((await post(`${url}/joke/invoke`, JOKE_BODY)).status).toBe(404);
    const inside = await fetch(`${url}/api/nope`);
    expect(inside.status).toBe(404);
    expect(await inside.json()).toEqual({ detail: "Not Found" });
  });
});

describe("Express 5: behind express.json(), which already parsed the body", () => {
  it("express.json() has read the request stream before the listener runs (what these tests rely on)", async () => {
    const app = express();
    app.use("/probe", express.json(), (req, res) => {
      res.json({ ended: req.readableEnded, body: req.body });
    });
    const server = app.listen(0, "127.0.0.1");
    servers.push(server);
    await new Promise((resolve) => server.once("listening", resolve));
    const { port } = server.address() as AddressInfo;
    const seen = await post(`http://127.0.0.1:${port}/probe`, JOKE_BODY);
    expect(await seen.json()).toEqual({ ended: true, body: { input: { topic: "parrots" } } });
  });

  it("invoke and stream_events take the parsed body", async () => {
    const url = await start(jokeChain(), { heartbeat: false });
    const invoked = await post(`${url}/parsed/joke/invoke`, JOKE_BODY);
    expect(invoked.status).toBe(200);
    expect(await invoked.json()).toMatchObject({ output: ANSWER });
    const streamed = await readStreamEvents(await post(`${url}/parsed/joke/stream_events`, JOKE_BODY));
    expect(streamed).toEqual(EXPECTED_STREAM_EVENTS);
  });

  it("a body of another content type, which express.json() leaves unread, is read from the request", async () => {
    const url = await start(jokeChain(), { heartbeat: false });
    const invoked = await post(`${url}/parsed/joke/invoke`, JOKE_BODY, { "content-type": "text/plain" });
    expect(invoked.status).toBe(200);
    expect(await invoked.json()).toMatchObject({ output: ANSWER });
  });

  it("a parsed body that is not a request body object is still a 422", async () => {
    const url = await start(jokeChain(), { heartbeat: false });
    const invoked = await post(`${url}/parsed/joke/invoke`, JSON.stringify({ inputs: 1 }));
    expect(invoked.status).toBe(422);
  });
});

describe("Express 5: a client that leaves mid-stream", () => {
  for (const mount of ["/api", "/parsed"]) {
    it(`under ${mount}: aborts the model's wait and closes every run`, async () => {
      const { model, delaySignals } = slowModel(500);
      const recorder = new RunRecorder();
      const url = await start(jokeChain(model), {
        heartbeat: false,
        perRequestConfig: (config) => ({ ...config, callbacks: [recorder] }),
      });
      const client = new AbortController();
      const response = await post(`${url}${mount}/joke/stream_events`, JOKE_BODY, {}, client.signal);
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let seen = "";
      while (!seen.includes("on_chat_model_stream")) seen += decoder.decode((await reader.read()).value);
      expect(recorder.openRuns().length).toBeGreaterThan(0);
      client.abort();
      await waitFor(() => recorder.openRuns().length === 0);
      expect(recorder.openRuns()).toEqual([]);
      expect(delaySignals.at(-1)?.aborted).toBe(true);
      expect(recorder.entries.filter((entry) => entry.kind === "stream").length).toBeLessThan(1000);
    });
  }
});
