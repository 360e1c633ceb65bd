import { RunNotFoundError, RunnableGenerator } from "rivulet";
import { RemoteRunnable, RemoteRunnableError } from "rivulet/remote";
import { memoryRunStore } from "rivulet/runs";
import { serve } from "rivulet/serve";
import { FakeListChatModel } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { cutStreamFetch } from "./test-support/cut-stream-fetch.js";

function setup(cutAfter = Number.POSITIVE_INFINITY, reconnect = {}) {
  const app = serve(
    { "/chat": new FakeListChatModel({ responses: ["hello there"] }) },
    { runs: { store: memoryRunStore() } },
  );
  const cut = cutStreamFetch(app, cutAfter);
  const delays: number[] = [];
  const remote = new RemoteRunnable<string, unknown>({
    url: "http://rivulet.test/chat",
    fetch: cut.fetch,
    reconnect: { delay: async (ms: number) => void delays.push(ms), random: () => 0.5, ...reconnect },
  });
  return { app, remote, delays, seen: cut.seen };
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

describe("RemoteRunnable durable runs", () => {
  it("yields the original entries exactly once, in order, across a cut every 3 frames", async () => {
    const whole = setup();
    const { runId } = await whole.remote.startRun("hi");
    const expected = await collect(whole.remote.streamRun(runId));
    expect(expected.at(-1)).toMatchObject({ type: "terminal", status: "success" });
    expect(expected.length).toBeGreaterThan(6);

    const cut = setup(3, { maxAttempts: 2 });
    const started = await cut.remote.startRun("hi");
    const entries = await collect(cut.remote.streamRun(started.runId));
    const shape = (list: typeof expected) =>
      list.map((entry) =>
        entry.type === "event" ? [entry.id, entry.event.event] : [entry.id, entry.status],
      );
    expect(shape(entries)).toEqual(shape(expected));
    expect(entries.map((entry) => entry.id)).toEqual(expected.map((_, index) => index + 1));
    // Each reconnect resumed after the last id seen.
    expect(cut.seen).toEqual([
      null,
      ...Array.from({ length: cut.seen.length - 1 }, (_, i) => String(3 * (i + 1))),
    ]);
    expect(cut.seen.length).toBe(Math.ceil(expected.length / 3));
  });

  it("gives up after maxAttempts connections without a new entry, with exponential backoff", async () => {
    const { remote, delays } = setup(0, { maxAttempts: 3, initialDelay: 100 });
    const { runId } = await remote.startRun("hi");
    const failure = await collect(remote.streamRun(runId)).catch((error: unknown) => error);
    expect(RemoteRunnableError.isInstance(failure)).toBe(true);
    expect(String(failure)).toMatch(/after 3 attempts/);
    expect(delays).toEqual([75, 150]);
  });

  it("an unknown run is a RunNotFoundError, with no retry", async () => {
    const { remote, delays } = setup();
    const failure = await collect(remote.streamRun("nope")).catch((error: unknown) => error);
    expect(RunNotFoundError.isInstance(failure)).toBe(true);
    expect(delays).toEqual([]);
  });

  it("the signal stops the stream but not the run; cancelRun stops the run", async () => {
    let release: () => void = () => undefined;
    const waiting = new RunnableGenerator<unknown, string>({
      generator: async function* (_input, config) {
        yield "a";
        await new Promise<void>((resolve, reject) => {
          release = resolve;
          config.signal?.addEventListener("abort", () => reject(config.signal?.reason), { once: true });
        });
        yield "b";
      },
    });
    const app = serve({ "/gen": waiting }, { runs: { store: memoryRunStore() } });
    const remote = new RemoteRunnable<unknown, string>({
      url: "http://rivulet.test/gen",
      fetch: (input: string, init: RequestInit) => app.fetch(new Request(input, init)),
    });
    const { runId } = await remote.startRun({});
    const controller = new AbortController();
    const seen: number[] = [];
    const failure = await (async () => {
      for await (const entry of remote.streamRun(runId, { signal: controller.signal })) {
        seen.push(entry.id);
        if (entry.type === "event" && entry.event.event === "on_chain_stream") controller.abort();
      }
    })().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(seen.length).toBeGreaterThan(0);
    const status = await app.fetch(new Request(`http://rivulet.test/gen/runs/${runId}`));
    expect(await status.json()).toMatchObject({ status: "running" });
    expect(await remote.cancelRun(runId)).toMatchObject({ cancelled: true });
    const rest = await collect(remote.streamRun(runId, { after: seen.at(-1) ?? 0 }));
    expect(rest.at(-1)).toMatchObject({ type: "terminal", status: "cancelled" });
    expect(rest.every((entry) => entry.id > (seen.at(-1) ?? 0))).toBe(true);
    release();
  });

  it("reconnects after a network failure and a 503, then reads the whole run", async () => {
    const app = serve(
      { "/chat": new FakeListChatModel({ responses: ["hi"] }) },
      { runs: { store: memoryRunStore() } },
    );
    let streams = 0;
    const delays: number[] = [];
    const remote = new RemoteRunnable<string, unknown>({
      url: "http://rivulet.test/chat",
      fetch: async (input: string, init: RequestInit) => {
        if (input.endsWith("/stream") && ++streams === 1) throw new TypeError("fetch failed");
        if (input.endsWith("/stream") && streams === 2) return new Response("{}", { status: 503 });
        return app.fetch(new Request(input, init));
      },
      reconnect: { delay: async (ms: number) => void delays.push(ms), random: () => 0, initialDelay: 100 },
    });
    const { runId } = await remote.startRun("hello");
    const entries = await collect(remote.streamRun(runId));
    expect(entries.at(-1)).toMatchObject({ type: "terminal", status: "success" });
    expect(entries.map((entry) => entry.id)).toEqual(entries.map((_, index) => index + 1));
    expect(delays).toEqual([50, 100]);
  });

  it("the idle watchdog ends a silent connection and reconnects", async () => {
    const app = serve(
      { "/chat": new FakeListChatModel({ responses: ["hi"] }) },
      { runs: { store: memoryRunStore() } },
    );
    let streams = 0;
    const remote = new RemoteRunnable<string, unknown>({
      url: "http://rivulet.test/chat",
      fetch: async (input: string, init: RequestInit) => {
        if (input.endsWith("/stream") && ++streams === 1) return new Response(new ReadableStream());
        return app.fetch(new Request(input, init));
      },
      // The silent first connection's watchdog fires at once; later ones never fire.
      setTimer: (onTimeout) => {
        if (streams === 1) queueMicrotask(onTimeout);
        return () => undefined;
      },
      reconnect: { delay: async () => undefined },
    });
    const { runId } = await remote.startRun("hello");
    const entries = await collect(remote.streamRun(runId));
    expect(streams).toBe(2);
    expect(entries.at(-1)).toMatchObject({ type: "terminal", status: "success" });
    expect(entries.map((entry) => entry.id)).toEqual(entries.map((_, index) => index + 1));
  });
});
