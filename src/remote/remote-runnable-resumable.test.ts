import {
  AIMessageChunk,
  CursorExpiredError,
  RunnableGenerator,
  RunnableLambda,
  StringOutputParser,
} from "rivulet";
import { RemoteRunnable, RemoteRunnableError, RunsNotServedError } from "rivulet/remote";
import { memoryRunStore } from "rivulet/runs";
import { serve } from "rivulet/serve";
import { FakeListChatModel } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { cutStreamFetch } from "./test-support/cut-stream-fetch.js";

function app() {
  const shout = RunnableLambda.from((text: string) => `${text}!`).withConfig({ runName: "shout" });
  const model = () => new FakeListChatModel({ responses: ["hello there"] });
  return serve(
    { "/chat": shout.pipe(model()), "/text": shout.pipe(model()).pipe(new StringOutputParser()) },
    { runs: { store: memoryRunStore() }, heartbeat: false },
  );
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** Run ids and times differ between two runs: numbered by first appearance, times dropped. */
function normalized(value: unknown): unknown {
  const ids = new Map<string, string>();
  const text = JSON.stringify(value)
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => {
      if (!ids.has(id)) ids.set(id, `id${ids.size}`);
      return ids.get(id) ?? id;
    })
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, "<time>");
  return JSON.parse(text);
}

/** A generator route that yields "a", waits for `open()` (or its run's cancel), then yields `rest`. */
function gated(store = memoryRunStore(), rest = ["b"]) {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  const runnable = new RunnableGenerator<unknown, string>({
    generator: async function* (_input, config) {
      yield "a";
      await new Promise<void>((resolve, reject) => {
        void opened.then(resolve);
        config.signal?.addEventListener("abort", () => reject(config.signal?.reason), { once: true });
      });
      yield* rest;
    },
  });
  const server = serve({ "/gen": runnable }, { runs: { store }, heartbeat: false });
  const status = async (runId: string) => {
    const answer = await server.fetch(new Request(`http://rivulet.test/gen/runs/${runId}`));
    const body = (await answer.json()) as { status?: string };
    return body.status;
  };
  return { server, open, status };
}

/**
 * Polls until `check` answers an ended status (the run's cancel lands asynchronously; a run not
 * created yet answers none).
 */
async function settled(check: () => Promise<string | undefined>): Promise<string | undefined> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const status = await check();
    if (status !== "running" && status !== undefined) return status;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return "running";
}

function remoteOf(fetch: (input: string, init: RequestInit) => Promise<Response>, options = {}) {
  let next = 0;
  return new RemoteRunnable<unknown, string>({
    url: "http://rivulet.test/gen",
    fetch,
    generateRunId: () => `run-${++next}`,
    reconnect: { delay: async () => undefined },
    resumable: true,
    ...options,
  });
}

describe("RemoteRunnable({ resumable: true })", () => {
  it("yields what the plain calls yield: stream, invoke, batch, streamEvents v2 and v1, streamLog", async () => {
    const server = app();
    for (const route of ["chat", "text"]) {
      const url = `http://rivulet.test/${route}`;
      const plainFetch = cutStreamFetch(server, Number.POSITIVE_INFINITY);
      const resumableFetch = cutStreamFetch(server, Number.POSITIVE_INFINITY);
      const plain = new RemoteRunnable<string, unknown>({ url, fetch: plainFetch.fetch });
      const resumable = new RemoteRunnable<string, unknown>({
        url,
        fetch: resumableFetch.fetch,
        resumable: true,
      });
      const streamed = async (remote: RemoteRunnable<string, unknown>) => collect(await remote.stream("hi"));
      const expected = await streamed(plain);
      const chunks = await streamed(resumable);
      // Message ids name the model's run (`run-<id>`), new on every call: compared numbered.
      expect(normalized(chunks)).toEqual(normalized(expected));
      expect(chunks.length).toBeGreaterThan(3);
      if (route === "chat") expect(chunks.every((chunk) => chunk instanceof AIMessageChunk)).toBe(true);
      expect(normalized(await resumable.invoke("hi"))).toEqual(normalized(await plain.invoke("hi")));
      expect(normalized(await resumable.batch(["a", "b"]))).toEqual(
        normalized(await plain.batch(["a", "b"])),
      );
      const v2 = async (remote: RemoteRunnable<string, unknown>) =>
        normalized(await collect(remote.streamEvents("hi", { version: "v2" })));
      expect(await v2(resumable)).toEqual(await v2(plain));
      // v1 is computed here, from the same relayed runs.
      const v1 = async (remote: RemoteRunnable<string, unknown>) =>
        normalized(await collect(remote.streamEvents("hi", { version: "v1" })));
      expect(await v1(resumable)).toEqual(await v1(plain));
      const logs = async (remote: RemoteRunnable<string, unknown>) =>
        normalized(await collect(remote.streamLog("hi", undefined, { diff: false })));
      expect(await logs(resumable)).toEqual(await logs(plain));
      // The resumable calls went through the run routes only; the plain ones never did.
      expect(
        resumableFetch.requests.filter((r) => !r.includes("/runs") && !r.endsWith("input_schema")),
      ).toEqual([]);
      expect(plainFetch.requests.filter((r) => r.includes("/runs"))).toEqual([]);
    }
  });

  it("fails like the plain call when the run fails: the chunks before, then the server's error", async () => {
    const failing = RunnableGenerator.from(async function* (_input: unknown) {
      yield "a";
      throw new Error("secret");
    });
    const server = serve(failing, { runs: { store: memoryRunStore() }, heartbeat: false });
    const outcome = async (resumable: boolean) => {
      const remote = new RemoteRunnable({
        url: "http://rivulet.test",
        fetch: cutStreamFetch(server, Infinity).fetch,
        resumable,
      });
      const seen: unknown[] = [];
      const error = await (async () => {
        for await (const chunk of await remote.stream(1)) seen.push(chunk);
      })().catch((caught: unknown) => caught);
      const invoked = await remote.invoke(1).catch((caught: unknown) => caught);
      return { seen, error, invoked };
    };
    const plain = await outcome(false);
    const resumable = await outcome(true);
    expect(resumable.seen).toEqual(plain.seen);
    for (const key of ["error", "invoked"] as const) {
      expect(RemoteRunnableError.isInstance(resumable[key])).toBe(true);
      const fields = { status: 500, code: "internal", detail: "Internal error", runId: expect.any(String) };
      expect(resumable[key]).toMatchObject(fields);
      expect(plain[key]).toMatchObject(fields);
    }
  });

  it("a server without run routes is a RunsNotServedError saying to pass runs to serve()", async () => {
    const server = serve({ "/gen": RunnableLambda.from((x: unknown) => x) });
    const remote = remoteOf(cutStreamFetch(server, Infinity).fetch);
    for (const call of [
      () => remote.invoke(1),
      async () => collect(await remote.stream(1)),
      () => remote.startRun(1),
    ]) {
      const error = await call().catch((caught: unknown) => caught);
      expect(RunsNotServedError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ status: 404, code: "remote" });
      expect(String(error)).toMatch(/serve\(routes, \{ runs/);
    }
  });

  it("a connection cut every 2 frames reconnects: the output is the uninterrupted one, exactly once", async () => {
    const server = app();
    const url = "http://rivulet.test/chat";
    const whole = new RemoteRunnable<string, unknown>({
      url,
      fetch: cutStreamFetch(server, Infinity).fetch,
      resumable: true,
    });
    const cut = cutStreamFetch(server, 2);
    const flaky = new RemoteRunnable<string, unknown>({
      url,
      fetch: cut.fetch,
      resumable: true,
      reconnect: { delay: async () => undefined, maxAttempts: 2 },
    });
    expect(normalized(await collect(await flaky.stream("hi")))).toEqual(
      normalized(await collect(await whole.stream("hi"))),
    );
    // Each reconnect resumed right after the last id received: 2, 4, 6...
    expect(cut.seen.length).toBeGreaterThan(3);
    expect(cut.seen).toEqual(cut.seen.map((_, index) => (index === 0 ? null : String(2 * index))));
    cut.seen.length = 0;
    const events = async (remote: RemoteRunnable<string, unknown>) =>
      normalized(await collect(remote.streamEvents("hi", { version: "v2" })));
    expect(await events(flaky)).toEqual(await events(whole));
    expect(cut.seen.length).toBeGreaterThan(3);
    // A dropped connection only reconnects: nothing was cancelled.
    expect(cut.requests.filter((request) => request.endsWith("/cancel"))).toEqual([]);
  });

  it("retries a start whose answer was lost or a 5xx, under the same id: the retry joins the run", async () => {
    const { server, open, status } = gated();
    open();
    const seam = cutStreamFetch(server, Infinity);
    let starts = 0;
    const delays: number[] = [];
    const remote = remoteOf(
      async (input, init) => {
        if (init.method === "POST" && input.endsWith("/runs") && ++starts <= 2) {
          if (starts === 2) return new Response("{}", { status: 503 });
          // The server starts the run; its answer never arrives.
          await seam.fetch(input, init);
          throw new TypeError("fetch failed");
        }
        return seam.fetch(input, init);
      },
      {
        reconnect: { delay: async (ms: number) => void delays.push(ms), random: () => 0, initialDelay: 100 },
      },
    );
    expect(await collect(await remote.stream({}))).toEqual(["a", "b"]);
    expect(starts).toBe(3);
    expect(delays).toEqual([50, 100]);
    expect(await status("run-1")).toBe("success");
    expect(seam.requests.filter((request) => request === "POST /gen/runs")).toHaveLength(2);
  });

  it("an abort before the start starts nothing", async () => {
    const { server } = gated();
    const seam = cutStreamFetch(server, Infinity);
    const remote = remoteOf(seam.fetch, { dialect: "rivulet" });
    const controller = new AbortController();
    controller.abort();
    const error = await remote.invoke({}, { signal: controller.signal }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "aborted" });
    expect(seam.requests).toEqual([]);
  });

  it("an abort while the start is in flight still cancels the run it began", async () => {
    const { server, status } = gated();
    const seam = cutStreamFetch(server, Infinity);
    const controller = new AbortController();
    const remote = remoteOf(async (input, init) => {
      // The abort lands before the server has even seen the start.
      if (init.method === "POST" && input.endsWith("/runs")) controller.abort();
      return seam.fetch(input, init);
    });
    const error = await remote.invoke({}, { signal: controller.signal }).catch((caught: unknown) => caught);
    // invoke rejects as soon as the signal aborts; the cancel follows once the start has answered.
    expect(error).toMatchObject({ code: "aborted" });
    expect(await settled(() => status("run-1"))).toBe("cancelled");
    expect(seam.requests).toContain("POST /gen/runs/run-1/cancel");
  });

  it("an abort mid-stream, or a break out of the loop, cancels the run on the server", async () => {
    const { server, status } = gated();
    const seam = cutStreamFetch(server, Infinity);
    const remote = remoteOf(seam.fetch);
    const controller = new AbortController();
    const seen: string[] = [];
    const error = await (async () => {
      for await (const chunk of await remote.stream({}, { signal: controller.signal })) {
        seen.push(chunk);
        controller.abort();
      }
    })().catch((caught: unknown) => caught);
    expect(seen).toEqual(["a"]);
    expect(error).toMatchObject({ code: "aborted" });
    expect(await settled(() => status("run-1"))).toBe("cancelled");

    for await (const chunk of await remote.stream({})) if (chunk === "a") break;
    expect(seam.requests).toContain("POST /gen/runs/run-2/cancel");
    expect(await settled(() => status("run-2"))).toBe("cancelled");

    const events = remote.streamEvents({}, { version: "v2" });
    for await (const event of events) if (event.event === "on_chain_stream") break;
    expect(await settled(() => status("run-3"))).toBe("cancelled");
  });

  it("an abort after the end cancels nothing", async () => {
    const { server, status, open } = gated();
    open();
    const seam = cutStreamFetch(server, Infinity);
    const remote = remoteOf(seam.fetch);
    const controller = new AbortController();
    expect(await collect(await remote.stream({}, { signal: controller.signal }))).toEqual(["a", "b"]);
    controller.abort();
    expect(await remote.invoke({}, { signal: new AbortController().signal })).toBe("ab");
    expect(await status("run-1")).toBe("success");
    expect(await status("run-2")).toBe("success");
    expect(seam.requests.filter((request) => request.endsWith("/cancel"))).toEqual([]);
  });
});

describe("RemoteRunnable and an expired cursor", () => {
  it("a cursor older than the store keeps is a CursorExpiredError with the oldest id, without retrying", async () => {
    const { server, open } = gated(memoryRunStore({ maxEventsPerRun: 2 }));
    open();
    const delays: number[] = [];
    const remote = remoteOf(cutStreamFetch(server, Infinity).fetch, {
      resumable: false,
      reconnect: { delay: async (ms: number) => void delays.push(ms) },
    });
    const { runId } = await remote.startRun({});
    // Read whole once, through a store that keeps only the last two events of the log.
    const whole = await collect(remote.streamRun(runId, { after: 3 }));
    const last = whole.at(-1);
    expect(last).toMatchObject({ type: "terminal", status: "success" });
    const lastEvent = (last?.id ?? 0) - 1;
    for (const after of [0, 1]) {
      const error = await collect(remote.streamRun(runId, { after })).catch((caught: unknown) => caught);
      expect(CursorExpiredError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ code: "cursor_expired", runId, after, oldestId: lastEvent - 1 });
    }
    expect(delays).toEqual([]);
  });

  it("a resumable call whose reconnect finds its cursor expired fails with it, and does not hang", async () => {
    // Events 1 (start) and 2 ("a") are read; by the reconnect only 5 ("d") and 6 (the end) are kept.
    const { server, open, status } = gated(memoryRunStore({ maxEventsPerRun: 2 }), ["b", "c", "d"]);
    const cut = cutStreamFetch(server, 2);
    const remote = remoteOf(cut.fetch, {
      // The run goes on to its end while the client is away.
      reconnect: {
        delay: async () => {
          open();
          await settled(() => status("run-1"));
        },
      },
    });
    const error = await collect(await remote.stream({})).catch((caught: unknown) => caught);
    expect(CursorExpiredError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ runId: "run-1", after: 2, oldestId: 5 });
    expect(cut.seen).toEqual([null, "2"]);
  });

  it("an expiry in the middle of a connection names the last id received as the cursor", async () => {
    const { server, open, status } = gated(memoryRunStore({ maxEventsPerRun: 2 }), ["b", "c", "d"]);
    const remote = remoteOf(cutStreamFetch(server, Infinity).fetch, { resumable: false });
    const { runId } = await remote.startRun({});
    const ids: number[] = [];
    const error = await (async () => {
      for await (const entry of remote.streamRun(runId)) {
        ids.push(entry.id);
        // The reader stops pulling while the run writes past what the store keeps.
        if (entry.id === 2) {
          open();
          await settled(() => status(runId));
        }
      }
    })().catch((caught: unknown) => caught);
    expect(ids).toEqual([1, 2]);
    expect(CursorExpiredError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ runId, after: 2, oldestId: 5 });
  });
});
