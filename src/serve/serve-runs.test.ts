import { HttpError, RunnableGenerator } from "rivulet";
import { memoryRunStore, type RunStore } from "rivulet/runs";
import { type HeartbeatScheduler, serve } from "rivulet/serve";
import { FakeListChatModel } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { buildRouteTable } from "./route-table.js";
import { matchRunRoute } from "./run-routes.js";
import { get, post } from "./test-support/requests.js";

/** The frames of an SSE text: `{ id?, event, data }`, comments kept apart. */
function parse(text: string) {
  return text
    .split("\n\n")
    .filter((frame) => frame !== "" && !frame.startsWith(":"))
    .map((frame) => {
      const lines = frame.split("\n");
      const field = (name: string) =>
        lines.find((line) => line.startsWith(`${name}: `))?.slice(name.length + 2);
      const data = field("data");
      return {
        id: field("id"),
        event: field("event"),
        data: data === undefined ? undefined : JSON.parse(data),
      };
    });
}

async function startRun(app: ReturnType<typeof serve>, path: string, body: unknown, headers = {}) {
  const response = await post(app, path, body, headers);
  expect(response.status).toBe(202);
  const json: unknown = await response.json();
  expect(json).toMatchObject({
    run_id: expect.any(String),
    status: expect.any(String),
    joined: expect.any(Boolean),
  });
  const fields = typeof json === "object" && json !== null ? json : {};
  const runId = "run_id" in fields && typeof fields.run_id === "string" ? fields.run_id : "";
  const joined = "joined" in fields && fields.joined === true;
  return { response, run_id: runId, joined };
}

/** A generator yielding "a", "b", "c", each once the test opens its gate. */
function gated() {
  const gates: Array<() => void> = [];
  const runnable = new RunnableGenerator<unknown, string>({
    generator: async function* (_input, config) {
      for (const letter of ["a", "b", "c"]) {
        await new Promise<void>((resolve, reject) => {
          gates.push(resolve);
          config.signal?.addEventListener("abort", () => reject(config.signal?.reason), { once: true });
        });
        yield letter;
      }
    },
  });
  const open = async () => {
    for (let attempt = 0; attempt < 200 && gates.length === 0; attempt++)
      await new Promise((resolve) => setTimeout(resolve, 0));
    gates.shift()?.();
  };
  return { runnable, open };
}

describe("serve runs", () => {
  it("starts a run (202, Location), streams it with ids, resumes from every Last-Event-ID and ?after=", async () => {
    const app = serve(
      { "/chat": new FakeListChatModel({ responses: ["hi you"] }) },
      { runs: { store: memoryRunStore() } },
    );
    const started = await startRun(app, "/chat/runs", { input: "hello" });
    expect(started.response.headers.get("location")).toBe(`/chat/runs/${started.run_id}`);
    expect(started.run_id).toMatch(/^[0-9a-f-]{36}$/);
    const response = await get(app, `/chat/runs/${started.run_id}/stream`);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const whole = parse(await response.text());
    expect(whole.map((frame) => frame.id)).toEqual(whole.map((_, index) => String(index + 1)));
    expect(whole.at(-1)).toMatchObject({ event: "end", data: { status: "success", run_id: started.run_id } });
    expect(whole.slice(0, -1).every((frame) => frame.event === "data")).toBe(true);
    expect(whole[0]?.data).toMatchObject({ event: "on_chat_model_start" });
    for (let after = 0; after <= whole.length; after++) {
      const resumed = await get(app, `/chat/runs/${started.run_id}/stream`, {
        "last-event-id": String(after),
      });
      expect(parse(await resumed.text())).toEqual(whole.slice(after));
    }
    const byQuery = await get(app, `/chat/runs/${started.run_id}/stream?after=2`);
    expect(parse(await byQuery.text())).toEqual(whole.slice(2));
    const status = await get(app, `/chat/runs/${started.run_id}`);
    expect(await status.json()).toMatchObject({
      run_id: started.run_id,
      status: "success",
      output: { content: "hi you" },
    });
    expect((await get(app, `/chat/runs/${started.run_id}/stream?after=x`)).status).toBe(422);
  });

  it("keeps the run going when a reader leaves, sends heartbeats, and joins a repeated run_id", async () => {
    const ticks: Array<() => void> = [];
    const schedule: HeartbeatScheduler = (tick) => {
      ticks.push(tick);
      return () => undefined;
    };
    const slow = gated();
    const app = serve(slow.runnable, {
      runs: { store: memoryRunStore() },
      heartbeat: { intervalMs: 1000, schedule },
    });
    const first = await startRun(app, "/runs", { input: 1, run_id: "job-7" });
    const again = await startRun(app, "/runs", { input: 2, run_id: "job-7" });
    expect([first.joined, again.joined, again.run_id]).toEqual([false, true, "job-7"]);
    const reader = (await get(app, "/runs/job-7/stream")).body!.getReader();
    await slow.open();
    const decoder = new TextDecoder();
    let text = "";
    while (!text.includes("on_chain_stream")) text += decoder.decode((await reader.read()).value);
    ticks[0]?.();
    text += decoder.decode((await reader.read()).value);
    expect(text).toContain(": ping");
    await reader.cancel();
    const seen = parse(text);
    await slow.open();
    await slow.open();
    const rest = await get(app, "/runs/job-7/stream", { "last-event-id": seen.at(-1)?.id ?? "0" });
    const tail = parse(await rest.text());
    const whole = parse(await (await get(app, "/runs/job-7/stream")).text());
    expect([...seen, ...tail]).toEqual(whole);
    expect(whole.at(-1)).toMatchObject({ event: "end", data: { status: "success", output: "abc" } });
  });

  it("cancels from a second server on the same store; status reports it", async () => {
    const store: RunStore = memoryRunStore();
    const slow = gated();
    const owner = serve(slow.runnable, { runs: { store } });
    const other = serve(slow.runnable, { runs: { store } });
    const { run_id } = await startRun(owner, "/runs", { input: 1 });
    const stream = get(other, `/runs/${run_id}/stream`);
    await slow.open();
    const cancel = await post(other, `/runs/${run_id}/cancel`, {});
    expect(cancel.status).toBe(202);
    expect(await cancel.json()).toMatchObject({ run_id, cancelled: true });
    const frames = parse(await (await stream).text());
    expect(frames.at(-1)).toMatchObject({ event: "error", data: { status: "cancelled", code: "aborted" } });
    expect(await (await get(owner, `/runs/${run_id}`)).json()).toMatchObject({ status: "cancelled" });
  });

  it("answers unknown runs 404, expired cursors with a clear error frame, and routes off without `runs`", async () => {
    const app = serve(new FakeListChatModel({ responses: ["abcdefgh"] }), {
      runs: { store: memoryRunStore({ maxEventsPerRun: 2 }) },
    });
    expect((await get(app, "/runs/nope/stream")).status).toBe(404);
    expect(await (await get(app, "/runs/nope")).json()).toMatchObject({ code: "run_not_found" });
    const { run_id } = await startRun(app, "/runs", { input: "x" });
    const frames = parse(await (await get(app, `/runs/${run_id}/stream`)).text());
    expect(frames).toHaveLength(1);
    expect(frames[0]).toMatchObject({
      id: undefined,
      event: "error",
      data: { code: "cursor_expired", status_code: 410 },
    });
    expect(typeof frames[0]?.data.oldest_id).toBe("number");
    const plain = serve(new FakeListChatModel({ responses: ["a"] }));
    expect((await post(plain, "/runs", { input: "x" })).status).toBe(404);
    expect((await get(app, "/runs")).status).toBe(405);
  });

  it("asks authorize on every run route: 401/403 refuse, metadata from the start is shown later", async () => {
    const seen: Array<string | undefined> = [];
    const app = serve(new FakeListChatModel({ responses: ["ok"] }), {
      runs: {
        store: memoryRunStore(),
        authorize: (request, run) => {
          const user = request.headers.get("x-user") ?? undefined;
          seen.push(run?.metadata.user);
          if (user === undefined) throw new HttpError("Sign in", { status: 401 });
          if (run === undefined) return { user };
          if (run.metadata.user !== user) throw new HttpError("Not your run", { status: 403 });
          return undefined;
        },
      },
    });
    expect((await post(app, "/runs", { input: "x" })).status).toBe(401);
    const { run_id } = await startRun(app, "/runs", { input: "x" }, { "x-user": "ann" });
    for (const request of [
      () => get(app, `/runs/${run_id}/stream`, { "x-user": "bob" }),
      () => get(app, `/runs/${run_id}`, { "x-user": "bob" }),
      () => post(app, `/runs/${run_id}/cancel`, {}, { "x-user": "bob" }),
      () => post(app, "/runs", { input: "y", run_id }, { "x-user": "bob" }),
    ]) {
      const refused = await request();
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({ detail: "Not your run" });
    }
    expect((await get(app, `/runs/${run_id}`, { "x-user": "ann" })).status).toBe(200);
    expect(seen.slice(1)).toEqual([undefined, "ann", "ann", "ann", "ann", "ann"]);
  });
});

describe("serve runs on a serverless runtime", () => {
  it("hands the detached producer to ctx.waitUntil, and a HEAD of a live stream leaves no reader behind", async () => {
    const slow = gated();
    const app = serve(slow.runnable, { runs: { store: memoryRunStore() } });
    const kept: Array<Promise<unknown>> = [];
    const response = await app.fetch(
      new Request("http://test/runs", { method: "POST", body: JSON.stringify({ input: 1 }) }),
      { waitUntil: (promise) => kept.push(promise) },
    );
    const run_id = response.headers.get("x-rivulet-run-id") ?? "";
    expect(response.status).toBe(202);
    expect(kept).toHaveLength(1);
    const head = await app.fetch(new Request(`http://test/runs/${run_id}/stream`, { method: "HEAD" }));
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
    for (let step = 0; step < 3; step++) await slow.open();
    await kept[0];
    expect(await (await get(app, `/runs/${run_id}`)).json()).toMatchObject({
      status: "success",
      output: "abc",
    });
  });
});

describe("serve runs: liveness and options", () => {
  it("ends a stream with a run_lost error frame once the owner's lease lapsed", async () => {
    let now = 1_000_000;
    const store = memoryRunStore({ clock: () => now });
    const slow = gated();
    // The owner never renews (its scheduler never ticks): as if its process died.
    const app = serve(slow.runnable, {
      runs: { store, leaseMs: 3000, idleMs: 1, schedule: () => () => undefined },
    });
    const { run_id } = await startRun(app, "/runs", { input: 1 });
    await slow.open();
    const stream = get(app, `/runs/${run_id}/stream`);
    now += 3001;
    const frames = parse(await (await stream).text());
    expect(frames.at(-1)).toMatchObject({
      id: String(frames.length),
      event: "error",
      data: { code: "run_lost", status_code: 503, status: "error", run_id },
    });
    expect(await (await get(app, `/runs/${run_id}`)).json()).toMatchObject({
      status: "error",
      error: { code: "run_lost" },
    });
  });

  it("checks the runs option when the server is built", () => {
    const runnable = gated().runnable;
    expect(() => serve(runnable, { runs: { store: memoryRunStore(), authorize: "yes" as never } })).toThrow(
      /authorize/,
    );
    expect(() => serve(runnable, { runs: { store: {} as never } })).toThrow(/RunStore/);
    expect(() => serve(runnable, { runs: { store: memoryRunStore(), leaseMs: 0 } })).toThrow(/leaseMs/);
  });
});

describe("matchRunRoute", () => {
  it("matches run routes under the longest base path only", () => {
    const echo = gated().runnable;
    const table = buildRouteTable({ "/x": echo, "/x/runs": echo, "/": echo });
    expect(matchRunRoute(table, "/x/runs/invoke")).toBeUndefined();
    expect(matchRunRoute(table, "/x/runs")).toMatchObject({ served: { basePath: "/x" }, route: "start" });
    expect(matchRunRoute(table, "/x/runs/runs/r1/stream")).toMatchObject({
      served: { basePath: "/x/runs" },
      route: "stream",
      runId: "r1",
    });
    expect(matchRunRoute(table, "/runs/a%3Ab/cancel")).toMatchObject({ route: "cancel", runId: "a:b" });
    expect(matchRunRoute(table, "/runs/r1/other")).toBeUndefined();
    expect(matchRunRoute(table, "/runs/")).toBeUndefined();
  });
});
