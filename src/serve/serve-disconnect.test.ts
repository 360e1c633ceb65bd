import { RunnableGenerator } from "rivulet";
import { type HeartbeatScheduler, serve } from "rivulet/serve";
import { type DelayFn, FakeListChatModel, RunRecorder } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { post } from "./test-support/requests.js";

const decoder = new TextDecoder();

/**
 * A model that streams one character per 5 ms tick and records the abort of its call: `aborts`
 * gets the reason when the call's signal aborts (as a provider's `fetch` would be closed by it),
 * whether the model is waiting at that moment or suspended between chunks.
 */
function recordingModel() {
  const aborts: unknown[] = [];
  const watched = new WeakSet<AbortSignal>();
  const delay: DelayFn = (_ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal !== undefined && !watched.has(signal)) {
        watched.add(signal);
        signal.addEventListener("abort", () => aborts.push(signal.reason), { once: true });
      }
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      }, 5);
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  const model = new FakeListChatModel({ responses: ["abcdefghijklmnopqrstuvwxyz"], sleep: 5, delay });
  return { model, aborts };
}

async function until(condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 200 && !condition(); attempt++)
    await new Promise((resolve) => setTimeout(resolve, 5));
  expect(condition()).toBe(true);
}

describe("serve: a client that goes away aborts the run", () => {
  it("cancelling the response body mid-stream aborts the model's call and closes every run", async () => {
    const { model, aborts } = recordingModel();
    const recorder = new RunRecorder();
    const app = serve(
      { "/chat": model },
      { heartbeat: false, perRequestConfig: (config) => ({ ...config, callbacks: [recorder] }) },
    );
    const reader = (await post(app, "/chat/stream", { input: "hi" })).body!.getReader();
    expect(decoder.decode((await reader.read()).value)).toContain("event: metadata");
    expect(decoder.decode((await reader.read()).value)).toContain('"content":"a"');
    await reader.cancel("tab closed");
    await until(() => aborts.length === 1 && recorder.openRuns().length === 0);
    expect(recorder.entries.filter((entry) => entry.kind === "stream").length).toBeLessThan(5);
    expect(recorder.entries.at(-1)).toMatchObject({ kind: "error", name: "FakeListChatModel" });
  });

  it("an aborted request.signal aborts the run even when the body is never cancelled", async () => {
    const { model, aborts } = recordingModel();
    const recorder = new RunRecorder();
    const app = serve(
      { "/chat": model },
      { heartbeat: false, perRequestConfig: (config) => ({ ...config, callbacks: [recorder] }) },
    );
    const client = new AbortController();
    const request = new Request("http://test/chat/stream_events", {
      method: "POST",
      body: JSON.stringify({ input: "hi" }),
      signal: client.signal,
    });
    const reader = (await app.fetch(request)).body!.getReader();
    await reader.read(); // on_chat_model_start
    const pending = reader.read(); // the next frame waits on the model
    client.abort();
    await until(() => aborts.length === 1 && recorder.openRuns().length === 0);
    // The aborted run writes no error frame: nobody is reading.
    const rest = await pending.then(async (first) => {
      let text = first.done ? "" : decoder.decode(first.value);
      for (let step = await reader.read(); !step.done; step = await reader.read())
        text += decoder.decode(step.value);
      return text;
    });
    expect(rest).not.toContain("event: error");
  });

  it("invoke: an aborted request aborts the run", async () => {
    const { model, aborts } = recordingModel();
    const app = serve({ "/chat": model });
    const client = new AbortController();
    const request = new Request("http://test/chat/invoke", {
      method: "POST",
      body: JSON.stringify({ input: "hi" }),
      signal: client.signal,
    });
    const answer = app.fetch(request);
    setTimeout(() => client.abort(), 12);
    const response = await answer;
    expect(aborts).toHaveLength(1);
    expect(response.status).toBe(499);
  });
});

describe("serve: heartbeats", () => {
  it("sends `: ping` comments on the interval while a stream is open, and stops them when it ends", async () => {
    const ticks: Array<() => void> = [];
    const intervals: number[] = [];
    let stopped = 0;
    const schedule: HeartbeatScheduler = (tick, intervalMs) => {
      ticks.push(tick);
      intervals.push(intervalMs);
      return () => {
        stopped++;
      };
    };
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const waits = new RunnableGenerator({
      generator: async function* () {
        await gate;
        yield "done";
      },
    });
    const app = serve({ "/w": waits }, { heartbeat: { intervalMs: 1000, schedule }, generateId: () => "r" });
    const reader = (await post(app, "/w/stream", { input: 1 })).body!.getReader();
    expect(decoder.decode((await reader.read()).value)).toBe('event: metadata\ndata: {"run_id":"r"}\n\n');
    expect(intervals).toEqual([1000]);
    ticks[0]!();
    ticks[0]!();
    const pending = reader.read(); // the chain is waiting on the gate
    expect(decoder.decode((await pending).value)).toBe(": ping\n\n");
    expect(decoder.decode((await reader.read()).value)).toBe(": ping\n\n");
    release();
    let rest = "";
    for (let step = await reader.read(); !step.done; step = await reader.read())
      rest += decoder.decode(step.value);
    expect(rest).toBe('event: data\ndata: "done"\n\nevent: end\n\n');
    expect(stopped).toBe(1);
  });

  it("a heartbeat after the body is gone neither throws nor writes, and the run is aborted", async () => {
    const ticks: Array<() => void> = [];
    const { model, aborts } = recordingModel();
    const app = serve(
      { "/chat": model },
      {
        heartbeat: {
          schedule: (tick) => {
            ticks.push(tick);
            return () => undefined;
          },
        },
      },
    );
    const body = (await post(app, "/chat/stream", { input: "hi" })).body!;
    const reader = body.getReader();
    await reader.read();
    await reader.read();
    reader.releaseLock();
    await body.cancel();
    expect(() => ticks[0]!()).not.toThrow();
    await until(() => aborts.length === 1);
  });

  it("checks its option", () => {
    expect(() =>
      serve(new FakeListChatModel({ responses: ["x"] }), { heartbeat: { intervalMs: -1 } }),
    ).toThrow(/intervalMs/);
  });
});

describe("serve: back-pressure", () => {
  it("the chain produces only as fast as the client reads", async () => {
    let produced = 0;
    const counting = new RunnableGenerator({
      generator: async function* () {
        for (let index = 0; index < 1000; index++) {
          produced++;
          yield index;
        }
      },
    });
    const app = serve({ "/n": counting }, { heartbeat: false });
    const reader = (await post(app, "/n/stream", { input: 1 })).body!.getReader();
    await reader.read(); // metadata
    for (let read = 0; read < 3; read++) await reader.read();
    await new Promise((resolve) => setTimeout(resolve, 50)); // a slow reader: give the chain time to run ahead
    expect(produced).toBeLessThanOrEqual(3 + 4);
    await reader.cancel();
    expect(produced).toBeLessThan(10);
  });
});
