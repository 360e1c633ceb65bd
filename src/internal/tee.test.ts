import { fromArray, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { tee } from "./tee.js";
import { countedSource } from "./test-support/counted-source.js";

const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A source whose every `next` resolves without ever yielding to the event loop's timers. */
function eager(count: number) {
  const state = { pulls: 0 };
  const iterator: AsyncIterableIterator<number> = {
    [Symbol.asyncIterator]() {
      return this;
    },
    next() {
      if (state.pulls >= count) return Promise.resolve({ done: true, value: undefined });
      state.pulls++;
      return Promise.resolve({ done: false, value: state.pulls });
    },
  };
  return { state, source: iterator };
}

describe("tee", () => {
  it("gives every branch every item, reading the source once", async () => {
    const { state, source } = countedSource([1, 2, 3]);
    const [a, b] = tee(source, 2);
    const [outA, outB] = await Promise.all([toArray(a!), toArray(b!)]);
    expect(outA).toEqual([1, 2, 3]);
    expect(outB).toEqual([1, 2, 3]);
    expect(state.pulls).toBe(3);
  });

  it("buffers for a branch that lags behind", async () => {
    const [a, b] = tee(fromArray(["x", "y"]), 2);
    expect(await toArray(a!)).toEqual(["x", "y"]);
    expect(await toArray(b!)).toEqual(["x", "y"]);
  });

  it("pulls nothing until a branch is read", async () => {
    const { state, source } = countedSource([1]);
    tee(source, 2);
    await delay(1);
    expect(state.pulls).toBe(0);
  });

  it("propagates a source error to every branch", async () => {
    async function* failing(): AsyncGenerator<number> {
      yield 1;
      throw new Error("source failed");
    }
    const [a, b] = tee(failing(), 2);
    await expect(toArray(a!)).rejects.toThrow("source failed");
    await expect(toArray(b!)).rejects.toThrow("source failed");
  });

  it("closes the source once every branch is closed early", async () => {
    const { state, source } = countedSource([1, 2, 3]);
    const [a, b] = tee(source, 2);
    for await (const _ of a!) break;
    expect(state.closed).toBe(false);
    for await (const _ of b!) break;
    expect(state.closed).toBe(true);
  });
});

describe("tee: bounded buffers", () => {
  it("a fast copy waits once it is `capacity` items ahead of the slowest", async () => {
    const { state, source } = eager(100);
    const [fast, slow] = tee(source, 2, { capacity: 4 });
    const read: number[] = [];
    const fastDone = (async () => {
      for await (const value of fast!) read.push(value);
    })();
    await delay(5);
    // Unbounded, the fast copy would have drained all 100 items into the slow copy's buffer.
    expect(read).toHaveLength(4);
    expect(state.pulls).toBe(4);
    expect((await slow!.next()).value).toBe(1);
    await delay(1);
    expect(read).toHaveLength(5);
    const rest = await toArray(slow!);
    await fastDone;
    expect(rest).toEqual(Array.from({ length: 99 }, (_, i) => i + 2));
    expect(read).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });

  it("a slow copy is not starved by a source that never yields to the event loop", async () => {
    const { state, source } = eager(300_000);
    const [fast, slow] = tee(source, 2);
    let slowCount = 0;
    let maxAhead = 0;
    let fastCount = 0;
    await Promise.all([
      (async () => {
        for await (const _ of fast!) {
          fastCount++;
          maxAhead = Math.max(maxAhead, fastCount - slowCount);
        }
      })(),
      (async () => {
        for await (const _ of slow!) {
          slowCount++;
          if (slowCount % 1000 === 0) await delay(0);
        }
      })(),
    ]);
    expect(state.pulls).toBe(300_000);
    expect(slowCount).toBe(300_000);
    expect(maxAhead).toBeLessThanOrEqual(64);
  });

  it("closing the slow copy releases the fast one", async () => {
    const { source } = eager(10);
    const [fast, slow] = tee(source, 2, { capacity: 2 });
    const fastRead = toArray(fast!);
    await delay(1);
    await slow!.return!();
    expect(await fastRead).toHaveLength(10);
  });

  it("closing a copy that was never read counts (a plain iterator, not a generator)", async () => {
    const { state, source } = countedSource([1, 2, 3]);
    const [a, b] = tee(source, 2);
    await b!.return!();
    expect(await toArray(a!)).toEqual([1, 2, 3]);
    await a!.return!();
    expect(state.closed).toBe(true);
  });

  it("the source closes when every copy closes, one of them never read", async () => {
    const { state, source } = countedSource([1, 2, 3]);
    const [a, b] = tee(source, 2);
    await a!.next();
    await a!.return!();
    expect(state.closed).toBe(false);
    await b!.return!();
    expect(state.closed).toBe(true);
  });

  it("rejects a capacity that is not a positive integer", () => {
    expect(() => tee(fromArray([1]), 2, { capacity: 0 })).toThrow("tee capacity must be a positive integer");
  });
});
