import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { EventBroadcast } from "./event-broadcast.js";

/** A source of `count` numbers that records how far it was read and whether it was closed. */
function numbers(count: number) {
  const log = { pulled: 0, closed: false };
  async function* source(): AsyncGenerator<number> {
    try {
      for (let i = 1; i <= count; i++) {
        log.pulled = i;
        yield i;
      }
    } finally {
      log.closed = true;
    }
  }
  return { log, source };
}

function broadcastOf(open: () => AsyncIterator<number>, seen: number[] = []): EventBroadcast<number> {
  return new EventBroadcast({
    open,
    onItem: (item) => seen.push(item),
    catchUp: () => [-seen.length],
    cancelledError: () => new Error("cancelled"),
  });
}

async function collect<T>(iterator: AsyncIterableIterator<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterator) items.push(item);
  return items;
}

describe("EventBroadcast", () => {
  it("opens the source only when read, and gives concurrent readers every item", async () => {
    const { log, source } = numbers(4);
    const broadcast = broadcastOf(source);
    const first = broadcast.reader();
    const second = broadcast.reader();
    expect(log.pulled).toBe(0);
    expect(await Promise.all([collect(first), collect(second)])).toStrictEqual([
      [1, 2, 3, 4],
      [1, 2, 3, 4],
    ]);
    expect(log.pulled).toBe(4);
  });

  it("streams: a reader gets each item before the next is pulled", async () => {
    const { log, source } = numbers(3);
    const reader = broadcastOf(source).reader();
    for await (const item of reader) expect(log.pulled).toBe(item);
  });

  it("starts a late reader with the catch-up, then the live items", async () => {
    const { source } = numbers(4);
    const broadcast = broadcastOf(source);
    const early = broadcast.reader();
    expect((await early.next()).value).toBe(1);
    expect((await early.next()).value).toBe(2);
    const late = broadcast.reader();
    expect(await collect(late)).toStrictEqual([-2, 3, 4]);
    expect(await collect(early)).toStrictEqual([3, 4]);
  });

  it("closes the source when the last reader leaves early, and fails later reads and waits", async () => {
    const { log, source } = numbers(100);
    const broadcast = broadcastOf(source);
    const a = broadcast.reader();
    const b = broadcast.reader();
    await a.next();
    await a.return?.();
    expect(log.closed).toBe(false); // b still reads
    expect((await b.next()).value).toBe(1);
    await b.return?.();
    expect(log.closed).toBe(true);
    expect(log.pulled).toBe(1);
    await expect(broadcast.drain()).rejects.toThrow("cancelled");
  });

  it("keeps the source open while something waits for the end", async () => {
    const { log, source } = numbers(5);
    const broadcast = broadcastOf(source);
    const reader = broadcast.reader();
    await reader.next();
    const drained = broadcast.drain();
    await reader.return?.();
    await drained;
    expect(log.pulled).toBe(5);
  });

  it("gives the source's error to every reader and waiter, after the items before it", async () => {
    async function* failing(): AsyncGenerator<number> {
      yield 1;
      throw new Error("boom");
    }
    const broadcast = broadcastOf(failing);
    const reader = broadcast.reader();
    expect((await reader.next()).value).toBe(1);
    await expect(reader.next()).rejects.toThrow("boom");
    await expect(broadcast.drain()).rejects.toThrow("boom");
  });

  it("keeps nothing behind a single reader (no replay buffer)", async () => {
    setFlagsFromString("--expose-gc");
    const collectGarbage: () => void = runInNewContext("gc");
    const firstItems: WeakRef<object>[] = [];
    async function* objects(): AsyncGenerator<object> {
      for (let i = 0; i < 2000; i++) {
        const item = { i, payload: "x".repeat(100) };
        if (i < 10) firstItems.push(new WeakRef(item));
        yield item;
      }
    }
    const broadcast = new EventBroadcast<object>({
      open: objects,
      onItem: () => {},
      catchUp: () => [],
      cancelledError: () => new Error("cancelled"),
    });
    const reader = broadcast.reader();
    let read = 0;
    for await (const _ of reader) {
      if (++read === 1000) break;
    }
    // WeakRefs are cleared only after the job that read them ends.
    await new Promise((resolve) => setTimeout(resolve, 0));
    collectGarbage();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(firstItems.filter((ref) => ref.deref() !== undefined)).toStrictEqual([]);
  });
});
