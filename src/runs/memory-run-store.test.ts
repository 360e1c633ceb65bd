import type { StreamEvent } from "rivulet";
import { memoryRunStore, type RunStoreReadItem } from "rivulet/runs";
import { describe, expect, it } from "vitest";
import { describeRunStoreContract } from "../../test/support/run-store-contract.js";

function event(name: string): StreamEvent {
  return { event: "on_custom_event", name, run_id: "r", tags: [], metadata: {}, data: {}, parent_ids: [] };
}

async function created(store: ReturnType<typeof memoryRunStore>, runId: string) {
  await store.create({ runId, createdAt: 0, metadata: {}, leaseMs: 1000 });
}

describe("memoryRunStore", () => {
  it("ends an aborted read with the signal's reason instead of ticking idle for ever", async () => {
    const store = memoryRunStore();
    await created(store, "a");
    const abort = new AbortController();
    const items: RunStoreReadItem[] = [];
    const reading = (async () => {
      for await (const item of store.read("a", { after: 0, idleMs: 1, signal: abort.signal })) {
        items.push(item);
        if (items.length > 1000) throw new Error("still reading after the abort");
      }
    })();
    await store.append("a", [{ type: "event", id: 1, event: event("one") }]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    abort.abort(new Error("reader left"));
    await expect(reading).rejects.toThrow("reader left");
  });

  it("tells a reader that fell behind the oldest kept event, instead of skipping what was dropped", async () => {
    const store = memoryRunStore({ maxEventsPerRun: 2 });
    await created(store, "b");
    await store.append("b", [{ type: "event", id: 1, event: event("one") }]);
    const reader = store.read("b", { after: 0, idleMs: 10_000 })[Symbol.asyncIterator]();
    expect(await reader.next()).toMatchObject({ value: { type: "event", id: 1 } });
    // The writer goes on while the reader is away: events 2 and 3 kept, nothing dropped yet for it.
    for (const id of [2, 3, 4])
      await store.append("b", [{ type: "event", id: id, event: event(String(id)) }]);
    expect(await reader.next()).toMatchObject({ value: { type: "expired", oldestId: 3 } });
    expect((await reader.next()).done).toBe(true);
  });

  it("replays strictly after a cursor, then the one terminal; a second finish is refused", async () => {
    const store = memoryRunStore();
    await created(store, "c");
    expect(await store.create({ runId: "c", createdAt: 0, metadata: {}, leaseMs: 1 })).toBe(false);
    for (const id of [1, 2, 3])
      await store.append("c", [{ type: "event", id: id, event: event(String(id)) }]);
    expect(await store.finish("c", { type: "terminal", id: 4, status: "success", output: 7 }, 1000)).toBe(
      true,
    );
    expect(await store.finish("c", { type: "terminal", id: 4, status: "cancelled" }, 1000)).toBe(false);
    const items: RunStoreReadItem[] = [];
    for await (const item of store.read("c", { after: 1, idleMs: 1 })) items.push(item);
    expect(items.map((item) => ("id" in item ? item.id : item.type))).toEqual([2, 3, 4]);
    expect(items.at(-1)).toMatchObject({ status: "success", output: 7 });
    const afterEnd: RunStoreReadItem[] = [];
    for await (const item of store.read("c", { after: 4, idleMs: 1 })) afterEnd.push(item);
    expect(afterEnd).toEqual([]);
  });
});

describeRunStoreContract("memoryRunStore", async (options) => {
  let now = 1_000_000;
  const store = memoryRunStore({ ...options, clock: () => now });
  return {
    store,
    // One process: a second instance would share nothing, so the "other" instance is the store itself.
    other: store,
    elapse: async (ms) => {
      now += ms;
    },
    close: async () => {},
  };
});
