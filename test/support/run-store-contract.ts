import { InvalidInputError, RunNotFoundError, type StreamEvent } from "rivulet";
import type { RunStore, RunStoreReadItem } from "rivulet/runs";
import { afterEach, describe, expect, it } from "vitest";

/** One store under test, as the contract suite needs it. */
export interface RunStoreContractHarness {
  readonly store: RunStore;
  /** A second store instance on the same backend (a second server); the same store for memory. */
  readonly other: RunStore;
  /** Lets `ms` pass for leases and TTLs: a fake clock for memory, a real wait for Redis. */
  elapse(ms: number): Promise<void>;
  close(): Promise<void>;
}

/** Options a contract case asks its store for. */
export interface RunStoreContractOptions {
  maxEventsPerRun?: number | undefined;
}

// Short, so a real backend's expiry takes a few tens of milliseconds; a fake clock skips them.
const LEASE_MS = 40;
const TTL_MS = 40;
const PAST_MS = 120;

function event(name: string): StreamEvent {
  return {
    event: "on_custom_event",
    name,
    run_id: "r",
    tags: [],
    metadata: {},
    data: { name },
    parent_ids: [],
  };
}

function ids(items: readonly RunStoreReadItem[]): Array<number | string> {
  return items.map((item) => ("id" in item ? item.id : item.type));
}

async function collect(
  store: RunStore,
  runId: string,
  options: { after: number; idleMs?: number },
): Promise<RunStoreReadItem[]> {
  const items: RunStoreReadItem[] = [];
  for await (const item of store.read(runId, { after: options.after, idleMs: options.idleMs ?? 10_000 })) {
    items.push(item);
    if (items.length > 10_000) throw new Error("the read never ended");
  }
  return items;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The behaviour every `RunStore` must have, as vitest cases: `makeStore` builds a fresh store
 * (over a fresh or shared backend; run ids are unique per case).
 */
export function describeRunStoreContract(
  name: string,
  makeStore: (options: RunStoreContractOptions) => Promise<RunStoreContractHarness>,
): void {
  describe(`${name}: the RunStore contract`, () => {
    const open: RunStoreContractHarness[] = [];
    // Unique per case, so cases sharing one backend never meet.
    const runId = (label: string) => `${label}-${crypto.randomUUID()}`;
    const harness = async (options: RunStoreContractOptions = {}) => {
      const made = await makeStore(options);
      open.push(made);
      return made;
    };
    const create = (store: RunStore, id: string, leaseMs = 60_000) =>
      store.create({ runId: id, createdAt: 5, metadata: { user: "ada" }, leaseMs });
    afterEach(async () => {
      await Promise.all(open.splice(0).map((made) => made.close()));
    });

    it("creates a run once: a second create (from any instance) reports it exists and keeps the first", async () => {
      const { store, other } = await harness();
      const id = runId("create");
      expect(await store.info(id)).toBeUndefined();
      expect(await create(store, id)).toBe(true);
      expect(await other.create({ runId: id, createdAt: 9, metadata: { user: "eve" }, leaseMs: 1 })).toBe(
        false,
      );
      expect(await other.info(id)).toMatchObject({
        runId: id,
        status: "running",
        createdAt: 5,
        metadata: { user: "ada" },
        leaseAlive: true,
      });
    });

    it("lets exactly one of two concurrent creates of the same id win", async () => {
      const { store, other } = await harness();
      const id = runId("race");
      const results = await Promise.all([create(store, id), create(other, id), create(store, id)]);
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it("appends events 1, 2, 3 and replays them in order, with their events", async () => {
      const { store, other } = await harness();
      const id = runId("append");
      await create(store, id);
      for (const n of [1, 2, 3])
        expect(await store.append(id, [{ type: "event", id: n, event: event(`e${n}`) }])).toBe(true);
      await store.finish(id, { type: "terminal", id: 4, status: "success", output: { answer: 42 } }, 60_000);
      const items = await collect(other, id, { after: 0 });
      expect(ids(items)).toEqual([1, 2, 3, 4]);
      expect(items[1]).toEqual({ type: "event", id: 2, event: event("e2") });
      expect(items[3]).toEqual({ type: "terminal", id: 4, status: "success", output: { answer: 42 } });
    });

    it("appends a batch of events in one call, in order, after the events before it", async () => {
      const { store, other } = await harness();
      const id = runId("batch");
      await create(store, id);
      expect(await store.append(id, [{ type: "event", id: 1, event: event("one") }])).toBe(true);
      const batch = [2, 3, 4, 5].map((n) => ({ type: "event" as const, id: n, event: event(`e${n}`) }));
      expect(await store.append(id, batch)).toBe(true);
      await store.finish(id, { type: "terminal", id: 6, status: "success" }, 60_000);
      const items = await collect(other, id, { after: 2 });
      expect(ids(items)).toEqual([3, 4, 5, 6]);
      expect(items[2]).toEqual({ type: "event", id: 5, event: event("e5") });
      expect(await store.append(id, batch)).toBe(false);
    });

    it("removes a run whose owner died and that nobody read, ttlMs after its lease lapsed", async () => {
      const made = await harness();
      const { store, other } = made;
      const id = runId("orphan");
      const kept = runId("renewed");
      for (const each of [id, kept]) {
        await store.create({ runId: each, createdAt: 5, metadata: {}, leaseMs: LEASE_MS, ttlMs: TTL_MS });
        await store.append(each, [{ type: "event", id: 1, event: event("one") }]);
      }
      expect((await other.info(id))?.status).toBe("running");
      // The live owner renews (before its 40 ms lease lapses): its run stays, the dead one's goes.
      await store.renewLease(kept, 60_000);
      await made.elapse(PAST_MS);
      expect(await other.info(id)).toBeUndefined();
      expect(await other.create({ runId: id, createdAt: 9, metadata: {}, leaseMs: 60_000 })).toBe(true);
      // The new run with that id starts empty: nothing of the dead one's log is left.
      const fresh = other.read(id, { after: 0, idleMs: 1 })[Symbol.asyncIterator]();
      expect(await fresh.next()).toEqual({ value: { type: "idle" }, done: false });
      await fresh.return?.();
      expect((await other.info(kept))?.status).toBe("running");
      const replay = store.read(kept, { after: 0, idleMs: 10_000 })[Symbol.asyncIterator]();
      expect(await replay.next()).toMatchObject({ value: { type: "event", id: 1 } });
      await replay.return?.();
    }, 10_000);

    it("writes one terminal: a second finish is refused, appends after it too, and info shows the first", async () => {
      const { store, other } = await harness();
      const id = runId("finish");
      await create(store, id);
      await store.append(id, [{ type: "event", id: 1, event: event("one") }]);
      const error = { name: "RunLostError", code: "run_lost", message: "lost", status: 500 } as const;
      expect(await other.finish(id, { type: "terminal", id: 0, status: "error", error }, 60_000)).toBe(true);
      expect(await store.finish(id, { type: "terminal", id: 2, status: "success", output: 1 }, 60_000)).toBe(
        false,
      );
      expect(await store.append(id, [{ type: "event", id: 2, event: event("late") }])).toBe(false);
      const info = await store.info(id);
      // id 0 asks the store to put the terminal after the last event it holds.
      expect(info).toMatchObject({
        status: "error",
        leaseAlive: true,
        terminal: { id: 2, status: "error", error },
      });
      expect(ids(await collect(store, id, { after: 0 }))).toEqual([1, 2]);
    });

    it("refuses to finish, append to or cancel a run that does not exist; reading it throws RunNotFoundError", async () => {
      const { store } = await harness();
      const id = runId("missing");
      expect(await store.append(id, [{ type: "event", id: 1, event: event("x") }])).toBe(false);
      expect(await store.finish(id, { type: "terminal", id: 1, status: "success" }, 1000)).toBe(false);
      expect(await store.requestCancel(id)).toBe(false);
      await expect(collect(store, id, { after: 0 })).rejects.toSatisfy(RunNotFoundError.isInstance);
    });

    it("replays strictly after a cursor, then the terminal; a cursor at the terminal gets nothing", async () => {
      const { store } = await harness();
      const id = runId("cursor");
      await create(store, id);
      for (const n of [1, 2, 3, 4])
        await store.append(id, [{ type: "event", id: n, event: event(String(n)) }]);
      await store.finish(id, { type: "terminal", id: 5, status: "cancelled" }, 60_000);
      expect(ids(await collect(store, id, { after: 2 }))).toEqual([3, 4, 5]);
      expect(ids(await collect(store, id, { after: 4 }))).toEqual([5]);
      expect(await collect(store, id, { after: 5 })).toEqual([]);
    });

    it("replays then goes live with no gap and no duplicate while the writer appends", async () => {
      const { store, other } = await harness();
      const id = runId("live");
      await create(store, id);
      for (const n of [1, 2, 3]) await store.append(id, [{ type: "event", id: n, event: event(String(n)) }]);
      const reading = collect(other, id, { after: 1, idleMs: 5_000 });
      for (let n = 4; n <= 60; n += 1) {
        await store.append(id, [{ type: "event", id: n, event: event(String(n)) }]);
        if (n % 7 === 0) await tick();
        if (n % 20 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await store.finish(id, { type: "terminal", id: 61, status: "success", output: "done" }, 60_000);
      const expected = Array.from({ length: 60 }, (_, index) => index + 2);
      expect(ids(await reading)).toEqual(expected);
    });

    it("serves several live readers at once while the writer goes on (waiting readers never stall it)", async () => {
      const { store, other } = await harness();
      const id = runId("readers");
      await create(store, id);
      const readers = [0, 0, 2, 5, 0].map((after, index) =>
        collect(index % 2 === 0 ? other : store, id, { after, idleMs: 5_000 }),
      );
      await new Promise((resolve) => setTimeout(resolve, 10));
      for (let n = 1; n <= 20; n += 1) {
        await store.append(id, [{ type: "event", id: n, event: event(String(n)) }]);
        if (n % 5 === 0) await tick();
      }
      await store.finish(id, { type: "terminal", id: 21, status: "success" }, 60_000);
      const all = Array.from({ length: 21 }, (_, index) => index + 1);
      expect((await Promise.all(readers)).map(ids)).toEqual([0, 0, 2, 5, 0].map((after) => all.slice(after)));
    });

    it("wakes a reader waiting at the end of the log on the next append and on the terminal", async () => {
      const { store, other } = await harness();
      const id = runId("wake");
      await create(store, id);
      const reader = other.read(id, { after: 0, idleMs: 5_000 })[Symbol.asyncIterator]();
      const first = reader.next();
      await tick();
      await store.append(id, [{ type: "event", id: 1, event: event("one") }]);
      expect(await first).toMatchObject({ value: { type: "event", id: 1 } });
      const second = reader.next();
      await tick();
      await store.finish(id, { type: "terminal", id: 2, status: "interrupted" }, 60_000);
      expect(await second).toMatchObject({ value: { type: "terminal", id: 2, status: "interrupted" } });
      expect((await reader.next()).done).toBe(true);
    });

    it("yields idle ticks while nothing arrives, then the events", async () => {
      const { store } = await harness();
      const id = runId("idle");
      await create(store, id);
      const reader = store.read(id, { after: 0, idleMs: 15 })[Symbol.asyncIterator]();
      expect(await reader.next()).toEqual({ done: false, value: { type: "idle" } });
      expect(await reader.next()).toEqual({ done: false, value: { type: "idle" } });
      await store.append(id, [{ type: "event", id: 1, event: event("one") }]);
      let next = await reader.next();
      while (next.value?.type === "idle") next = await reader.next();
      expect(next.value).toMatchObject({ type: "event", id: 1 });
      await reader.return?.();
    });

    it("ends a read whose signal aborts with the signal's reason", async () => {
      const { store } = await harness();
      const id = runId("abort");
      await create(store, id);
      const abort = new AbortController();
      const reading = (async () => {
        for await (const _item of store.read(id, { after: 0, idleMs: 10_000, signal: abort.signal })) {
          // waiting at the end of the log
        }
      })();
      await new Promise((resolve) => setTimeout(resolve, 10));
      abort.abort(new Error("reader left"));
      await expect(reading).rejects.toThrow("reader left");
    });

    it("rejects a read whose signal is already aborted at once, even on an ended run", async () => {
      const { store } = await harness();
      const id = runId("aborted");
      await create(store, id);
      await store.append(id, [{ type: "event", id: 1, event: event("one") }]);
      await store.finish(id, { type: "terminal", id: 2, status: "success" }, 60_000);
      const items: RunStoreReadItem[] = [];
      const reading = (async () => {
        for await (const item of store.read(id, {
          after: 0,
          idleMs: 10_000,
          signal: AbortSignal.abort(new Error("gone")),
        })) {
          items.push(item);
        }
      })();
      await expect(reading).rejects.toThrow("gone");
      expect(items).toEqual([]);
    });

    it("keeps an ended run readable from any cursor until its TTL, then removes it", async () => {
      const made = await harness();
      const { store, other } = made;
      const id = runId("ttl");
      await create(store, id);
      await store.append(id, [{ type: "event", id: 1, event: event("one") }]);
      await store.finish(id, { type: "terminal", id: 2, status: "success", output: 1 }, TTL_MS);
      expect(ids(await collect(other, id, { after: 0 }))).toEqual([1, 2]);
      expect(ids(await collect(other, id, { after: 1 }))).toEqual([2]);
      await made.elapse(PAST_MS);
      expect(await other.info(id)).toBeUndefined();
      await expect(collect(other, id, { after: 0 })).rejects.toSatisfy(RunNotFoundError.isInstance);
      // The id is free again once the old run is gone, with none of its log.
      expect(await create(other, id)).toBe(true);
      expect(await other.info(id)).toMatchObject({ status: "running", terminal: undefined });
      const reader = other.read(id, { after: 0, idleMs: 5 })[Symbol.asyncIterator]();
      expect(await reader.next()).toEqual({ done: false, value: { type: "idle" } });
      await reader.return?.();
    }, 10_000);

    it("answers expired with the oldest kept id for a cursor before it, and replays from a kept one", async () => {
      const { store } = await harness({ maxEventsPerRun: 3 });
      const id = runId("expired");
      await create(store, id);
      for (const n of [1, 2, 3, 4, 5, 6])
        await store.append(id, [{ type: "event", id: n, event: event(String(n)) }]);
      expect(await collect(store, id, { after: 0 })).toEqual([{ type: "expired", oldestId: 4 }]);
      expect(await collect(store, id, { after: 2 })).toEqual([{ type: "expired", oldestId: 4 }]);
      await store.finish(id, { type: "terminal", id: 7, status: "success" }, 60_000);
      expect(ids(await collect(store, id, { after: 3 }))).toEqual([4, 5, 6, 7]);
      expect(ids(await collect(store, id, { after: 5 }))).toEqual([6, 7]);
    });

    it("tells a reader that fell behind while the writer went on that its cursor expired", async () => {
      const { store } = await harness({ maxEventsPerRun: 2 });
      const id = runId("behind");
      await create(store, id);
      await store.append(id, [{ type: "event", id: 1, event: event("one") }]);
      const reader = store.read(id, { after: 0, idleMs: 10_000 })[Symbol.asyncIterator]();
      expect(await reader.next()).toMatchObject({ value: { type: "event", id: 1 } });
      for (const n of [2, 3, 4]) await store.append(id, [{ type: "event", id: n, event: event(String(n)) }]);
      expect(await reader.next()).toMatchObject({ value: { type: "expired", oldestId: 3 } });
      expect((await reader.next()).done).toBe(true);
    });

    it("holds the lease for leaseMs, lets it lapse, renews it, and counts an ended run as alive", async () => {
      const made = await harness();
      const { store, other } = made;
      const id = runId("lease");
      await create(store, id, LEASE_MS);
      expect((await other.info(id))?.leaseAlive).toBe(true);
      await made.elapse(PAST_MS);
      expect((await other.info(id))?.leaseAlive).toBe(false);
      await store.renewLease(id, 60_000);
      expect((await other.info(id))?.leaseAlive).toBe(true);
      await store.renewLease(id, LEASE_MS);
      await made.elapse(PAST_MS);
      await store.finish(id, { type: "terminal", id: 1, status: "success" }, 60_000);
      expect(await other.info(id)).toMatchObject({ status: "success", leaseAlive: true });
    }, 10_000);

    it("delivers a cancel request from another instance to the owner's listener, once subscribed or already made", async () => {
      const { store, other } = await harness();
      const id = runId("cancel");
      await create(store, id);
      let calls = 0;
      let heard = () => {};
      const heardOnce = new Promise<void>((resolve) => {
        heard = resolve;
      });
      const unsubscribe = await store.onCancel(id, () => {
        calls += 1;
        heard();
      });
      expect(await other.requestCancel(id)).toBe(true);
      await heardOnce;
      unsubscribe();
      expect(calls).toBe(1);
      // A listener subscribing after the request hears it at once.
      let hearLate = () => {};
      const heardLate = new Promise<void>((resolve) => {
        hearLate = resolve;
      });
      const unsubscribeLate = await store.onCancel(id, () => hearLate());
      await heardLate;
      unsubscribeLate();
    }, 10_000);

    it("stops calling a cancel listener once unsubscribed", async () => {
      const { store, other } = await harness();
      const id = runId("unsubscribe");
      await create(store, id);
      let calls = 0;
      const unsubscribe = await store.onCancel(id, () => {
        calls += 1;
      });
      unsubscribe();
      await other.requestCancel(id);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(calls).toBe(0);
    });

    it("resolves an unknown alias to undefined, and an alias claimed on one instance on the other", async () => {
      const { store, other } = await harness();
      const alias = runId("chat");
      expect(await store.resolveAlias(alias)).toBeUndefined();
      expect(await store.claimAlias(alias, "run-1", { previous: undefined, ttlMs: 60_000 })).toBe(true);
      expect(await other.resolveAlias(alias)).toBe("run-1");
      // Claims compare with what the alias holds: an absent previous fails, the current one wins.
      expect(await other.claimAlias(alias, "run-2", { previous: undefined, ttlMs: 60_000 })).toBe(false);
      expect(await other.claimAlias(alias, "run-2", { previous: "run-9", ttlMs: 60_000 })).toBe(false);
      expect(await other.claimAlias(alias, "run-2", { previous: "run-1", ttlMs: 60_000 })).toBe(true);
      expect(await store.claimAlias(alias, "run-3", { previous: "run-1", ttlMs: 60_000 })).toBe(false);
      expect(await store.resolveAlias(alias)).toBe("run-2");
    });

    it("lets exactly one of concurrent claims of an alias from the same previous win", async () => {
      const { store, other } = await harness();
      const alias = runId("race-alias");
      const claims = ["a", "b", "c", "d"].map((name, index) =>
        (index % 2 === 0 ? store : other).claimAlias(alias, `run-${name}`, {
          previous: undefined,
          ttlMs: 60_000,
        }),
      );
      const results = await Promise.all(claims);
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = `run-${["a", "b", "c", "d"][results.indexOf(true)]}`;
      expect(await other.resolveAlias(alias)).toBe(winner);
      const next = await Promise.all([
        store.claimAlias(alias, "run-e", { previous: winner, ttlMs: 60_000 }),
        other.claimAlias(alias, "run-f", { previous: winner, ttlMs: 60_000 }),
      ]);
      expect(next.filter(Boolean)).toHaveLength(1);
    });

    it("drops an alias after its ttlMs; the expired alias is claimed again from previous undefined", async () => {
      const made = await harness();
      const { store, other } = made;
      const alias = runId("expiring");
      expect(await store.claimAlias(alias, "run-1", { previous: undefined, ttlMs: TTL_MS })).toBe(true);
      await made.elapse(PAST_MS);
      expect(await other.resolveAlias(alias)).toBeUndefined();
      expect(await other.claimAlias(alias, "run-2", { previous: "run-1", ttlMs: 60_000 })).toBe(false);
      expect(await other.claimAlias(alias, "run-2", { previous: undefined, ttlMs: 60_000 })).toBe(true);
      expect(await store.resolveAlias(alias)).toBe("run-2");
    }, 10_000);

    it("refreshes an alias's expiry when it is claimed again for the run it points at", async () => {
      const made = await harness();
      const { store, other } = made;
      const alias = runId("refresh");
      const ttlMs = 400;
      expect(await store.claimAlias(alias, "run-1", { previous: undefined, ttlMs })).toBe(true);
      await made.elapse(300);
      expect(await store.claimAlias(alias, "run-1", { previous: "run-1", ttlMs })).toBe(true);
      // 600 ms after the first claim, 300 after the refresh.
      await made.elapse(300);
      expect(await other.resolveAlias(alias)).toBe("run-1");
      await made.elapse(500);
      expect(await other.resolveAlias(alias)).toBeUndefined();
    }, 10_000);

    it("refuses an alias or run id outside the run id rule with InvalidInputError", async () => {
      const { store } = await harness();
      for (const alias of ["", "has space", "a{b}", "x/y", "a".repeat(129)]) {
        await expect(store.resolveAlias(alias)).rejects.toSatisfy(InvalidInputError.isInstance);
        await expect(
          store.claimAlias(alias, "run-1", { previous: undefined, ttlMs: 1000 }),
        ).rejects.toSatisfy(InvalidInputError.isInstance);
      }
      const alias = runId("checked");
      await expect(
        store.claimAlias(alias, "no good", { previous: undefined, ttlMs: 1000 }),
      ).rejects.toSatisfy(InvalidInputError.isInstance);
      await expect(store.claimAlias(alias, "run-1", { previous: undefined, ttlMs: 0 })).rejects.toSatisfy(
        InvalidInputError.isInstance,
      );
      expect(await store.resolveAlias("a".repeat(128))).toBeUndefined();
    });
  });
}
