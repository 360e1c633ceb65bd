// The Hono recipe of docs/serving.md, run in-process (Hono's app is a fetch handler too): the
// rivulet handler under a Hono route with `prefix`, or under `app.mount`, which strips the base
// path itself; stream_events streams through both, and a request whose signal aborts mid-stream
// closes the run.
import { Hono } from "hono";
import type { Runnable } from "rivulet";
import { type ServeOptions, serve } from "rivulet/serve";
import { RunRecorder } from "rivulet/testing";
import { describe, expect, it } from "vitest";
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
function honoApp(chain: Runnable, options: ServeOptions = {}) {
  const app = new Hono();
  const rivulet = serve({ "/joke": chain }, { ...options, prefix: "/api" });
  app.all("/api/*", (c) => rivulet.fetch(c.req.raw)); // POST /api/joke/stream_events, ...
  // or let Hono strip the base path: the handler then sees /joke/...
  app.mount("/mounted", serve({ "/joke": chain }, options).fetch);
  app.get("/", (c) => c.text("the rest of the Hono app"));
  return app;
}

function post(path: string, signal?: AbortSignal): Request {
  return new Request(`http://hono.test${path}`, {
    method: "POST",
    body: JOKE_BODY,
    headers: { "content-type": "application/json" },
    ...(signal === undefined ? {} : { signal }),
  });
}

describe("Hono: the handler under a Hono route", () => {
  for (const base of ["/api", "/mounted"]) {
    it(`under ${base}: invoke answers and stream_events streams SSE frames`, async () => {
      const app = honoApp(jokeChain(), { heartbeat: false });
      const invoked = await app.fetch(post(`${base}/joke/invoke`));
      expect(await invoked.json()).toMatchObject({ output: ANSWER });
      const streamed = await readStreamEvents(await app.fetch(post(`${base}/joke/stream_events`)));
      expect(streamed).toEqual(EXPECTED_STREAM_EVENTS);
    });
  }

  it("the rest of the Hono app is untouched; an unknown rivulet route is rivulet's 404", async () => {
    const app = honoApp(jokeChain(), { heartbeat: false });
    expect(await (await app.fetch(new Request("http://hono.test/"))).text()).toBe("the rest of the Hono app");
    const missing = await app.fetch(new Request("http://hono.test/api/nope"));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ detail: "Not Found" });
  });

  it("a request aborted mid-stream aborts the model's wait and closes every run", async () => {
    const { model, delaySignals } = slowModel(500);
    const recorder = new RunRecorder();
    const app = honoApp(jokeChain(model), {
      heartbeat: false,
      perRequestConfig: (config) => ({ ...config, callbacks: [recorder] }),
    });
    const client = new AbortController();
    const request = post("/api/joke/stream_events", client.signal);
    const response = await app.fetch(request);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let seen = "";
    while (!seen.includes("on_chat_model_stream")) seen += decoder.decode((await reader.read()).value);
    client.abort();
    await waitFor(() => recorder.openRuns().length === 0);
    expect(recorder.openRuns()).toEqual([]);
    expect(delaySignals.at(-1)?.aborted).toBe(true);
    expect(request.signal.aborted).toBe(true); // kept reachable until here (see docs/serving.md, Node 20)
  });
});
