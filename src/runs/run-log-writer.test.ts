import type { StreamEvent } from "rivulet";
import { memoryRunStore, type RunEventEntry, type RunStore } from "rivulet/runs";
import { describe, expect, it } from "vitest";
import { RunLogWriter } from "./run-log-writer.js";

function event(name: string): StreamEvent {
  return { event: "on_custom_event", name, run_id: "r", tags: [], metadata: {}, data: {}, parent_ids: [] };
}

/** A store whose appends the test settles by hand, recording each batch's ids. */
function heldStore() {
  const batches: number[][] = [];
  const pending: Array<(accepted: boolean | Error) => void> = [];
  const inner = memoryRunStore();
  const store: RunStore = {
    ...inner,
    append: (_runId: string, entries: readonly RunEventEntry[]) => {
      batches.push(entries.map((entry) => entry.id));
      return new Promise<boolean>((resolve, reject) => {
        pending.push((accepted) => (accepted instanceof Error ? reject(accepted) : resolve(accepted)));
      });
    },
  };
  const settle = async (accepted: boolean | Error = true) => {
    pending.shift()?.(accepted);
    for (let turn = 0; turn < 5; turn++) await Promise.resolve();
  };
  return { store, batches, settle, inFlight: () => pending.length };
}

/** A writer on `store` for run "r": batches of 100 unless told, refusals ignored unless told. */
function writerOn(
  store: RunStore,
  options: { maxBatch?: number; onRefused?: () => void } = {},
): RunLogWriter {
  return new RunLogWriter({
    store,
    runId: "r",
    maxBatch: options.maxBatch ?? 100,
    deadlineMs: 60_000,
    onRefused: options.onRefused ?? (() => {}),
  });
}

describe("RunLogWriter", () => {
  it("sends a lone event at once and what piles up during an append in the next one, ids 1, 2, 3...", async () => {
    const held = heldStore();
    const writer = writerOn(held.store);
    writer.push(event("a"));
    expect(held.batches).toEqual([[1]]);
    for (const name of ["b", "c", "d"]) writer.push(event(name));
    expect(held.inFlight()).toBe(1);
    await held.settle();
    expect(held.batches).toEqual([[1], [2, 3, 4]]);
    const flushed = writer.flush();
    await held.settle();
    await flushed;
    expect(writer.lastId).toBe(4);
    expect(held.inFlight()).toBe(0);
  });

  it("makes the producer wait once maxBatch events are waiting, and splits batches at maxBatch", async () => {
    const held = heldStore();
    const writer = writerOn(held.store, { maxBatch: 2 });
    expect(writer.push(event("a"))).toBeUndefined();
    expect(writer.push(event("b"))).toBeUndefined();
    const full = writer.push(event("c"));
    expect(full).toBeInstanceOf(Promise);
    writer.push(event("d"));
    writer.push(event("e"));
    await held.settle();
    await held.settle();
    await held.settle();
    await full;
    expect(held.batches).toEqual([[1], [2, 3], [4, 5]]);
  });

  it("stops on a refusal: calls onRefused once, drops what waits, and flush still settles", async () => {
    const held = heldStore();
    let refusals = 0;
    const writer = writerOn(held.store, {
      onRefused: () => {
        refusals += 1;
      },
    });
    writer.push(event("a"));
    writer.push(event("b"));
    await held.settle(false);
    expect(writer.refused).toBe(true);
    expect(refusals).toBe(1);
    // A push after the refusal (the run's own error event, say) sends nothing; flush must not spin.
    writer.push(event("late"));
    await writer.flush();
    expect(held.batches).toEqual([[1]]);
    expect(refusals).toBe(1);
  });

  it("rethrows a store failure from flush and from the next push, and writes nothing after it", async () => {
    const held = heldStore();
    const writer = writerOn(held.store);
    writer.push(event("a"));
    writer.push(event("b"));
    await held.settle(new Error("connection reset"));
    await expect(writer.flush()).rejects.toThrow("connection reset");
    expect(() => writer.push(event("c"))).toThrow("connection reset");
    expect(held.batches).toEqual([[1]]);
  });
});
