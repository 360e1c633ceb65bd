import { CursorExpiredError, RunnableGenerator } from "rivulet";
import { createRunManager, memoryRunStore, type RunLogEntry, type RunStore } from "rivulet/runs";
import { toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";

/** A generator yielding `count` numbers, pausing a macrotask every `every` items (0: never). */
function counter(count: number, every = 0) {
  return new RunnableGenerator<unknown, number>({
    generator: async function* (_input, config) {
      for (let index = 0; index < count; index++) {
        config.signal?.throwIfAborted();
        if (every > 0 && index % every === 0) await new Promise((resolve) => setTimeout(resolve, 0));
        yield index;
      }
    },
  });
}

/** A store whose appends wait for the test to open them, and that may reject or refuse. */
function controlledStore(inner: RunStore = memoryRunStore()) {
  const pending: Array<() => void> = [];
  const control = {
    hold: false,
    rejectNext: 0,
    /** The next finish rejects (the owner's; a reader's run_lost goes through). */
    rejectFinish: false,
    appends: 0,
    async release() {
      for (let attempt = 0; attempt < 200 && pending.length === 0; attempt++)
        await new Promise((resolve) => setTimeout(resolve, 0));
      for (const open of pending.splice(0)) open();
    },
  };
  const store: RunStore = {
    ...inner,
    async append(runId, entries) {
      control.appends += 1;
      if (control.hold) await new Promise<void>((resolve) => pending.push(resolve));
      if (control.rejectNext > 0) {
        control.rejectNext -= 1;
        throw new Error("store unreachable");
      }
      return inner.append(runId, entries);
    },
    async finish(runId, terminal, ttlMs) {
      if (control.rejectFinish) {
        control.rejectFinish = false;
        throw new Error("store unreachable");
      }
      return inner.finish(runId, terminal, ttlMs);
    },
  };
  return { store, control };
}

/** Ids 1..n with no gap and exactly one terminal, last. */
function expectWholeLog(log: RunLogEntry[]) {
  expect(log.map((entry) => entry.id)).toEqual(log.map((_, index) => index + 1));
  expect(log.filter((entry) => entry.type === "terminal")).toHaveLength(1);
  expect(log.at(-1)?.type).toBe("terminal");
}

describe("durable runs under attack: the writer", () => {
  it("a cancel while an append batch is in flight: the terminal follows every appended event", async () => {
    const { store, control } = controlledStore();
    const runs = createRunManager({ store });
    control.hold = true;
    const { runId, done } = await runs.start(counter(2_000, 50), {});
    await control.release();
    // A batch is in flight (held), more are queued behind it.
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await runs.cancel(runId)).toBe(true);
    expect(await runs.cancel(runId)).toBe(true);
    control.hold = false;
    await control.release();
    await done;
    const log = await toArray(runs.read(runId));
    expectWholeLog(log);
    expect(log.at(-1)).toMatchObject({ status: "cancelled" });
    expect(await runs.cancel(runId)).toBe(false);
  });

  it("cancel from two managers on one store at once: one cancelled terminal", async () => {
    const store = memoryRunStore();
    const owner = createRunManager({ store });
    const other = createRunManager({ store });
    const { runId, done } = await owner.start(counter(100_000, 10), {});
    await new Promise((resolve) => setTimeout(resolve, 5));
    const answers = await Promise.all([owner.cancel(runId), other.cancel(runId)]);
    expect(answers).toEqual([true, true]);
    await done;
    const log = await toArray(other.read(runId));
    expectWholeLog(log);
    expect(log.at(-1)).toMatchObject({ status: "cancelled" });
  });

  it("manager.close() during a held batch: interrupted, after every appended event", async () => {
    const { store, control } = controlledStore();
    const runs = createRunManager({ store });
    control.hold = true;
    const { runId } = await runs.start(counter(5_000, 100), {});
    await control.release();
    const closed = runs.close();
    control.hold = false;
    await control.release();
    await closed;
    const log = await toArray(runs.read(runId));
    expectWholeLog(log);
    expect(log.at(-1)).toMatchObject({ status: "interrupted" });
  });

  it("an append that rejects once mid-run: an error terminal right after the last stored event", async () => {
    const { store, control } = controlledStore();
    const runs = createRunManager({ store });
    control.hold = true;
    const { runId, done } = await runs.start(counter(3_000, 100), {});
    await control.release();
    await new Promise((resolve) => setTimeout(resolve, 5));
    control.rejectNext = 1;
    control.hold = false;
    await control.release();
    await done;
    const log = await toArray(runs.read(runId));
    expectWholeLog(log);
    expect(log.at(-1)).toMatchObject({ status: "error" });
  });

  it("finish that rejects: readers end with run_lost once the lease lapses, not waiting for ever", async () => {
    const { store, control } = controlledStore();
    const runs = createRunManager({ store, leaseMs: 60, idleMs: 10 });
    control.rejectFinish = true;
    const { runId, done } = await runs.start(counter(10), {});
    await done;
    const log = await toArray(runs.read(runId));
    expectWholeLog(log);
    expect(log.at(-1)).toMatchObject({ status: "error", error: { code: "run_lost" } });
  });
});

describe("durable runs under attack: readers", () => {
  it("a reader aborting during replay, during the live tail and at the terminal ends only itself", async () => {
    const runs = createRunManager({ store: memoryRunStore() });
    const slow = new RunnableGenerator<unknown, number>({
      generator: async function* () {
        for (let index = 0; index < 40; index++) {
          await new Promise((resolve) => setTimeout(resolve, 2));
          yield index;
        }
      },
    });
    const { runId, done } = await runs.start(slow, {});
    await new Promise((resolve) => setTimeout(resolve, 20));
    // During replay: abort after the first entry.
    const replay = new AbortController();
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const entry of runs.read(runId, { signal: replay.signal })) {
          seen.push(entry.id);
          replay.abort();
        }
      })(),
    ).rejects.toThrow();
    expect(seen).toEqual([1]);
    // During the live tail: abort while waiting for the next event.
    const tail = new AbortController();
    const reading = toArray(runs.read(runId, { signal: tail.signal }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    tail.abort();
    await expect(reading).rejects.toThrow();
    await done;
    // At the terminal: a reader breaking on it, and one already aborted, both end at once.
    for await (const entry of runs.read(runId)) if (entry.type === "terminal") break;
    const gone = new AbortController();
    gone.abort();
    await expect(toArray(runs.read(runId, { signal: gone.signal }))).rejects.toThrow();
    const log = await toArray(runs.read(runId));
    expectWholeLog(log);
    expect(log.at(-1)).toMatchObject({ status: "success" });
  });

  it("a paused reader on a 5,000-event run: the run finishes, then cursor_expired with the oldest id", async () => {
    const runs = createRunManager({ store: memoryRunStore({ maxEventsPerRun: 100 }) });
    const { runId, done } = await runs.start(counter(5_000, 500), {});
    const reader = runs.read(runId)[Symbol.asyncIterator]();
    const first = await reader.next();
    expect(first.value).toMatchObject({ id: 1 });
    // The reader stops pulling; the producer is not held up.
    await done;
    const ids: number[] = [];
    let failure: unknown;
    try {
      for (let next = await reader.next(); !next.done; next = await reader.next()) ids.push(next.value.id);
    } catch (error) {
      failure = error;
    }
    // Whatever it got is consecutive from 2: never a silent gap.
    expect(ids).toEqual(ids.map((_, index) => index + 2));
    expect(CursorExpiredError.isInstance(failure)).toBe(true);
    const info = await runs.info(runId);
    const lastId = info.terminal?.id ?? 0;
    // The last 100 events are kept: the terminal's id is one past the last of them.
    expect(failure).toMatchObject({ oldestId: lastId - 100 });
  });

  it("a cursor past the end of an ended run is refused, not an empty log a client retries for ever", async () => {
    const runs = createRunManager({ store: memoryRunStore() });
    const { runId, done } = await runs.start(counter(3), {});
    await done;
    const info = await runs.info(runId);
    const terminalId = info.terminal?.id ?? 0;
    expect(await toArray(runs.read(runId, { after: terminalId }))).toEqual([]);
    for (const after of [-1, 1.5, Number.NaN, 2 ** 60, "3"]) {
      // @ts-expect-error: a hostile caller's cursor
      expect(() => runs.read(runId, { after })).toThrow(/non-negative integer/);
    }
  });
});
