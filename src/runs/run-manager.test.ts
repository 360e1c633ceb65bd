import { CursorExpiredError, RunNotFoundError, RunnableGenerator } from "rivulet";
import type { AgentInput } from "rivulet/agents";
import {
  createRunManager,
  memoryRunStore,
  type RunLogEntry,
  type RunStore,
  type RunTimerScheduler,
} from "rivulet/runs";
import { FakeListChatModel, normalizeIds, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { weatherAgent } from "./test-support/weather-agent.js";

/** A clock the test moves by hand, shared by the store and the managers. */
function fakeClock() {
  let now = 1_000_000;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

/** A lease scheduler whose ticks the test fires by hand (never, unless it calls `tick`). */
function manualSchedule() {
  const ticks: Array<() => void> = [];
  const schedule: RunTimerScheduler = (tick) => {
    ticks.push(tick);
    return () => ticks.splice(ticks.indexOf(tick), 1);
  };
  return {
    schedule,
    tick: () => {
      for (const tick of [...ticks]) tick();
    },
    active: () => ticks.length,
  };
}

/** A generator that yields "a", "b", "c", each only once the test opens its gate, recording its signal. */
function gatedRunnable() {
  const gates: Array<() => void> = [];
  const seen: { signal?: AbortSignal; calls: number } = { calls: 0 };
  const runnable = new RunnableGenerator<unknown, string>({
    generator: async function* (_input, config) {
      seen.calls += 1;
      if (config.signal !== undefined) seen.signal = config.signal;
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
    for (let attempt = 0; attempt < 100 && gates.length === 0; attempt++) await Promise.resolve().then();
    await new Promise((resolve) => setTimeout(resolve, 0));
    gates.shift()?.();
  };
  return { runnable, seen, open };
}

describe("createRunManager", () => {
  it("replays a recorded run from every event boundary as exactly the original log", async () => {
    const manager = createRunManager({ store: memoryRunStore() });
    const model = new FakeListChatModel({ responses: ["hello there"] });
    const { runId, joined, done } = await manager.start(model, "hi");
    expect(joined).toBe(false);
    expect(runId).toMatch(/^[0-9a-f-]{36}$/);
    const log = await toArray(manager.read(runId));
    await done;
    expect(log.map((entry) => entry.id)).toEqual(log.map((_, index) => index + 1));
    const events = log.flatMap((entry) => (entry.type === "event" ? [entry.event] : []));
    expect(events[0]?.event).toBe("on_chat_model_start");
    expect(events.filter((event) => event.event === "on_chat_model_stream").length).toBeGreaterThan(1);
    const terminal = log.at(-1);
    expect(terminal).toMatchObject({ type: "terminal", status: "success" });
    expect(terminal?.type === "terminal" && JSON.stringify(terminal.output)).toContain("hello there");
    for (let after = 0; after <= log.length; after++) {
      expect(await toArray(manager.read(runId, { after }))).toEqual(log.slice(after));
    }
    expect(await manager.info(runId)).toMatchObject({ runId, status: "success", leaseAlive: true });
  });

  it("records an agent run as exactly the events streamEvents gives, and replays it from every boundary", async () => {
    const input: AgentInput = { messages: [["user", "Weather in Paris and Oslo?"]] };
    const direct = await toArray(weatherAgent().streamEvents(input, { version: "v2" }));
    const manager = createRunManager({ store: memoryRunStore() });
    const { runId, done } = await manager.start(weatherAgent(), input);
    await done;
    const log = await toArray(manager.read(runId));
    const events = log.flatMap((entry) => (entry.type === "event" ? [entry.event] : []));
    // As JSON (what a reader receives over the wire), with run and message ids normalised.
    const plain = (value: unknown): unknown => normalizeIds(JSON.parse(JSON.stringify(value)));
    expect(plain(events)).toEqual(plain(direct));
    expect(events.filter((event) => event.event === "on_tool_start")).toHaveLength(2);
    expect(log.at(-1)).toMatchObject({ type: "terminal", status: "success", id: events.length + 1 });
    for (let after = 0; after <= log.length; after++) {
      expect(await toArray(manager.read(runId, { after }))).toEqual(log.slice(after));
    }
  });

  it("lets a reader leave and come back live without cancelling the run", async () => {
    const manager = createRunManager({ store: memoryRunStore() });
    const gated = gatedRunnable();
    const { runId, done } = await manager.start(gated.runnable, 1);
    const first: RunLogEntry[] = [];
    const opening = gated.open();
    for await (const entry of manager.read(runId)) {
      first.push(entry);
      if (entry.type === "event" && entry.event.event === "on_chain_stream") break;
    }
    await opening;
    expect(gated.seen.signal?.aborted).toBe(false);
    const lastSeen = first.at(-1)?.id ?? 0;
    const rest = toArray(manager.read(runId, { after: lastSeen }));
    await gated.open();
    await gated.open();
    const tail = await rest;
    await done;
    const whole = await toArray(manager.read(runId));
    expect([...first, ...tail]).toEqual(whole);
    expect(whole.at(-1)).toMatchObject({ status: "success", output: "abc" });
  });

  it("forgets an ended run after its TTL with RunNotFoundError, and keeps it until then", async () => {
    const clock = fakeClock();
    const store = memoryRunStore({ clock: clock.now });
    const manager = createRunManager({ store, ttlMs: 60_000, clock: clock.now });
    const { runId, done } = await manager.start(new FakeListChatModel({ responses: ["ok"] }), "x");
    await done;
    clock.advance(59_999);
    expect((await toArray(manager.read(runId, { after: 1 }))).at(-1)).toMatchObject({ status: "success" });
    clock.advance(1);
    await expect(toArray(manager.read(runId))).rejects.toSatisfy(RunNotFoundError.isInstance);
    await expect(manager.info(runId)).rejects.toThrow(/never started or its log expired/);
  });

  it("answers a cursor older than the kept events with CursorExpiredError naming the oldest id", async () => {
    const manager = createRunManager({ store: memoryRunStore({ maxEventsPerRun: 3 }) });
    const { runId, done } = await manager.start(new FakeListChatModel({ responses: ["abcdef"] }), "x");
    await done;
    const terminalId = (await manager.info(runId)).terminal?.id ?? 0;
    const oldestId = terminalId - 3;
    expect(await toArray(manager.read(runId, { after: terminalId }))).toEqual([]);
    const error = await toArray(manager.read(runId)).catch((caught: unknown) => caught);
    expect(CursorExpiredError.isInstance(error) && error.oldestId).toBe(oldestId);
    expect(await toArray(manager.read(runId, { after: oldestId - 1 }))).toHaveLength(4);
    expect(() => manager.read(runId, { after: -1 })).toThrow(/non-negative integer/);
  });

  it("joins the first run when a run id is started twice", async () => {
    const manager = createRunManager({ store: memoryRunStore() });
    const gated = gatedRunnable();
    const first = await manager.start(gated.runnable, 1, { runId: "job-1" });
    const second = await manager.start(gated.runnable, 2, { runId: "job-1" });
    expect([first.joined, second.joined, second.runId]).toEqual([false, true, "job-1"]);
    const reading = toArray(manager.read("job-1"));
    for (let step = 0; step < 3; step++) await gated.open();
    await first.done;
    expect((await reading).at(-1)).toMatchObject({ status: "success", output: "abc" });
    expect(gated.seen.calls).toBe(1);
    await expect(manager.start(gated.runnable, 3, { runId: "no spaces" })).rejects.toThrow(/run id/);
  });

  it("cancels from a second manager on the same store: the owner's run stops as cancelled", async () => {
    const store = memoryRunStore();
    const owner = createRunManager({ store });
    const other = createRunManager({ store });
    const gated = gatedRunnable();
    const { runId, done } = await owner.start(gated.runnable, 1);
    const reading = toArray(other.read(runId));
    await gated.open();
    expect(await other.cancel(runId)).toBe(true);
    await done;
    expect(gated.seen.signal?.aborted).toBe(true);
    const log = await reading;
    expect(log.at(-1)).toMatchObject({ type: "terminal", status: "cancelled", error: { code: "aborted" } });
    expect(await other.cancel(runId)).toBe(false);
    expect((await other.info(runId)).status).toBe("cancelled");
  });

  it("ends readers with run_lost once a dead owner's lease lapses, and stops the late owner", async () => {
    const clock = fakeClock();
    const store = memoryRunStore({ clock: clock.now });
    const lease = manualSchedule();
    const owner = createRunManager({ store, leaseMs: 3000, clock: clock.now, schedule: lease.schedule });
    const reader = createRunManager({ store, leaseMs: 3000, idleMs: 1, clock: clock.now });
    const gated = gatedRunnable();
    const { runId, done } = await owner.start(gated.runnable, 1);
    await gated.open();
    clock.advance(2000);
    lease.tick(); // renewed: alive until 5000 ms from the start
    clock.advance(2500);
    expect((await reader.info(runId)).status).toBe("running");
    const reading = toArray(reader.read(runId));
    clock.advance(600); // the owner "died": no renewal since
    const log = await reading;
    expect(log.at(-1)).toMatchObject({
      type: "terminal",
      status: "error",
      error: { code: "run_lost", status: 503 },
    });
    expect((await reader.info(runId)).status).toBe("error");
    // The owner comes back: its next event is refused, so it stops and writes nothing more.
    await gated.open();
    await done;
    expect(gated.seen.signal?.aborted).toBe(true);
    expect(await toArray(reader.read(runId))).toEqual(log);
    expect(lease.active()).toBe(0);
  });

  it("gives up on a store call that never answers after a lease: readers get a terminal and close() returns", async () => {
    const inner = memoryRunStore();
    let appends = 0;
    const store: RunStore = {
      ...inner,
      append: (runId, entries) => {
        appends += 1;
        return appends === 3 ? new Promise<boolean>(() => {}) : inner.append(runId, entries);
      },
    };
    const manager = createRunManager({ store, leaseMs: 60, idleMs: 10 });
    const counting = new RunnableGenerator<unknown, number>({
      generator: async function* (_input, config) {
        for (let index = 0; index < 50; index++) {
          await new Promise((resolve) => setTimeout(resolve, 2));
          config.signal?.throwIfAborted();
          yield index;
        }
      },
    });
    const { runId } = await manager.start(counting, 1);
    const bounded = <T>(promise: Promise<T>) =>
      Promise.race([
        promise,
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error("hang: not settled after 2 s")), 2000),
        ),
      ]);
    const log = await bounded(toArray(manager.read(runId)));
    expect(log.at(-1)).toMatchObject({ type: "terminal", status: "error" });
    const ids = log.map((entry) => entry.id);
    expect(ids).toEqual(ids.map((_, index) => index + 1));
    await bounded(manager.close());
  });

  it("interrupts its own runs on close", async () => {
    const manager = createRunManager({ store: memoryRunStore() });
    const gated = gatedRunnable();
    const { runId } = await manager.start(gated.runnable, 1);
    await manager.close();
    expect((await manager.info(runId)).terminal).toMatchObject({ status: "interrupted" });
  });
});
