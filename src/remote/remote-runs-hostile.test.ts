// RemoteRunnable's durable-run reading under a flaky network, a stalled server and a slow reader.
import { CursorExpiredError, RunnableGenerator } from "rivulet";
import { RemoteRunnable, RemoteRunnableError } from "rivulet/remote";
import { memoryRunStore } from "rivulet/runs";
import { serve } from "rivulet/serve";
import { describe, expect, it } from "vitest";

function counter(count: number) {
  return new RunnableGenerator<unknown, number>({
    generator: async function* () {
      for (let index = 0; index < count; index++) {
        if (index % 100 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
        yield index;
      }
    },
  });
}

type Fetch = (input: string, init: RequestInit) => Promise<Response>;

function remoteOn(fetch: Fetch, options: { maxAttempts?: number; idleTimeout?: number } = {}) {
  return new RemoteRunnable<unknown, unknown>({
    url: "http://rivulet.test/count",
    fetch,
    idleTimeout: options.idleTimeout,
    reconnect: { delay: async () => {}, random: () => 0.5, maxAttempts: options.maxAttempts ?? 5 },
  });
}

async function ids(remote: RemoteRunnable<unknown, unknown>, runId: string): Promise<number[]> {
  const out: number[] = [];
  for await (const entry of remote.streamRun(runId)) out.push(entry.id);
  return out;
}

describe("RemoteRunnable durable runs under attack", () => {
  it("a network that fails every other request (rejects, 503, stalls) still yields every id once", async () => {
    const app = serve({ "/count": counter(300) }, { runs: { store: memoryRunStore() } });
    let calls = 0;
    const flaky: Fetch = async (input, init) => {
      const request = new Request(input, init);
      if (!input.endsWith("/stream")) return app.fetch(request);
      calls += 1;
      if (calls % 3 === 1) throw new TypeError("fetch failed");
      if (calls % 3 === 2) return new Response("busy", { status: 503 });
      const response = await app.fetch(request);
      // Cut after a few KB: a dropped connection mid-replay.
      const reader = response.body?.getReader();
      let sent = 0;
      return new Response(
        new ReadableStream<Uint8Array>({
          async pull(controller) {
            const step = await reader?.read();
            if (step === undefined || step.done || sent > 4_000) {
              controller.close();
              await reader?.cancel();
              return;
            }
            sent += step.value.byteLength;
            controller.enqueue(step.value);
          },
        }),
        response,
      );
    };
    const remote = remoteOn(flaky, { maxAttempts: 4 });
    const { runId } = await remote.startRun({});
    const seen = await ids(remote, runId);
    expect(seen).toEqual(seen.map((_, index) => index + 1));
    expect(seen.length).toBe(303);
  });

  it("a stream that answers 200 and never sends a byte reconnects on idleTimeout, then gives up", async () => {
    const app = serve({ "/count": counter(3) }, { runs: { store: memoryRunStore() } });
    let streams = 0;
    const stalled: Fetch = async (input, init) => {
      if (!input.endsWith("/stream")) return app.fetch(new Request(input, init));
      streams += 1;
      const signal = init.signal ?? undefined;
      return new Response(
        new ReadableStream({
          start(controller) {
            signal?.addEventListener("abort", () => controller.error(signal.reason), { once: true });
          },
        }),
        { headers: { "content-type": "text/event-stream" } },
      );
    };
    const remote = remoteOn(stalled, { maxAttempts: 3, idleTimeout: 20 });
    const { runId } = await remote.startRun({});
    const failure = await ids(remote, runId).catch((error: unknown) => error);
    expect(RemoteRunnableError.isInstance(failure)).toBe(true);
    expect(String(failure)).toMatch(/3/);
    expect(streams).toBe(3);
  });

  it("an empty 200 stream again and again (a proxy eating the body) ends with an error, not a loop", async () => {
    const app = serve({ "/count": counter(3) }, { runs: { store: memoryRunStore() } });
    let streams = 0;
    const empty: Fetch = async (input, init) => {
      if (!input.endsWith("/stream")) return app.fetch(new Request(input, init));
      streams += 1;
      return new Response("", { headers: { "content-type": "text/event-stream" } });
    };
    const remote = remoteOn(empty, { maxAttempts: 3 });
    const { runId } = await remote.startRun({});
    const failure = await ids(remote, runId).catch((error: unknown) => error);
    expect(RemoteRunnableError.isInstance(failure)).toBe(true);
    expect(streams).toBe(3);
  });

  it("a reader that pauses while 3,000 events pass a store keeping 100 gets CursorExpiredError, not a gap", async () => {
    const app = serve(
      { "/count": counter(3_000) },
      { runs: { store: memoryRunStore({ maxEventsPerRun: 100 }) } },
    );
    const remote = remoteOn((input, init) => app.fetch(new Request(input, init)));
    const { runId } = await remote.startRun({});
    const seen: number[] = [];
    let failure: unknown;
    try {
      for await (const entry of remote.streamRun(runId)) {
        seen.push(entry.id);
        if (seen.length === 1) await new Promise((resolve) => setTimeout(resolve, 300));
      }
    } catch (error) {
      failure = error;
    }
    expect(seen).toEqual(seen.map((_, index) => index + 1));
    expect(CursorExpiredError.isInstance(failure)).toBe(true);
    expect(failure).toMatchObject({ oldestId: expect.any(Number) });
  });
});
