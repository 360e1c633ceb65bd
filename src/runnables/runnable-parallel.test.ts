import { RunnableGenerator, RunnableLambda, RunnableMap, RunnableParallel, RunnableSequence } from "rivulet";
import { RunRecorder, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";

const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

const double = RunnableLambda.from((x: number) => x * 2, { name: "double" });
const show = RunnableLambda.from((x: number) => `#${x}`, { name: "show" });

/** A branch that yields `count` chunks named after `label`, `ms` apart (before each one). */
function ticker(label: string, ms: number, count = 2) {
  return RunnableGenerator.from(
    async function* (_: AsyncIterable<unknown>) {
      for (let i = 1; i <= count; i++) {
        await delay(ms);
        yield `${label}${i}`;
      }
    },
    { name: label },
  );
}

describe("RunnableParallel", () => {
  it("invokes every branch on the same input and keeps the key order", async () => {
    const map = RunnableParallel.from({ b: show, a: double });
    expect(await map.invoke(3)).toEqual({ b: "#3", a: 6 });
    expect(Object.keys(await map.invoke(3))).toEqual(["b", "a"]);
  });

  it("is named RunnableParallel<keys> unless a name is given", async () => {
    const rec = new RunRecorder();
    await RunnableParallel.from({ a: double, b: show }).invoke(1, { callbacks: [rec] });
    expect(rec.entries[0]!.name).toBe("RunnableParallel<a,b>");
    expect(RunnableParallel.from({ a: double }, { name: "both" }).getName()).toBe("both");
    expect(RunnableMap).toBe(RunnableParallel);
  });

  it("honours a given name in run names", async () => {
    const rec = new RunRecorder();
    await RunnableParallel.from({ a: double }, { name: "named map" }).invoke(1, { callbacks: [rec] });
    expect(rec.lines()).toEqual(["start:named map", "start:double", "end:double", "end:named map"]);
  });

  it("coerces an object literal inside a sequence into a map (functions and nested objects too)", async () => {
    const chain = RunnableLambda.from((x: number) => x + 1).pipe({
      doubled: double,
      shown: (x: number) => `value ${x}`,
      nested: { again: double },
    });
    expect(await chain.invoke(1)).toEqual({ doubled: 4, shown: "value 2", nested: { again: 4 } });
  });

  it("tags each branch run with map:key:K", async () => {
    const rec = new RunRecorder();
    await RunnableParallel.from({ left: double, right: show }).invoke(1, { callbacks: [rec] });
    const tagsOf = (name: string) => rec.entries.find((e) => e.kind === "start" && e.name === name)?.tags;
    expect(tagsOf("double")).toEqual(["map:key:left"]);
    expect(tagsOf("show")).toEqual(["map:key:right"]);
  });

  it("streams { key: chunk } as chunks arrive: the fast branch's chunks come first", async () => {
    const map = RunnableParallel.from({ slow: ticker("s", 40), fast: ticker("f", 0) });
    const chunks = await toArray(map.stream("go"));
    expect(chunks).toEqual([{ fast: "f1" }, { fast: "f2" }, { slow: "s1" }, { slow: "s2" }]);
  });

  it("ends its run with the per-key aggregate of the streamed chunks", async () => {
    const rec = new RunRecorder();
    const map = RunnableParallel.from({ slow: ticker("s", 5), fast: ticker("f", 0) });
    await toArray(map.stream("go", { callbacks: [rec] }));
    const end = rec.entries.find((e) => e.kind === "end" && e.name === "RunnableParallel<slow,fast>");
    expect(end?.output).toEqual({ fast: "f1f2", slow: "s1s2" });
  });

  it("runs at most maxConcurrency branches at once under invoke", async () => {
    let running = 0;
    let peak = 0;
    const tracked = (x: number) => async () => {
      running++;
      peak = Math.max(peak, running);
      await delay(2);
      running--;
      return x;
    };
    const map = RunnableParallel.from({ a: tracked(1), b: tracked(2), c: tracked(3), d: tracked(4) });
    expect(await map.invoke(0, { maxConcurrency: 2 })).toEqual({ a: 1, b: 2, c: 3, d: 4 });
    expect(peak).toBe(2);
  });

  it("rejects when a branch fails, and cancels the other branches", async () => {
    const rec = new RunRecorder();
    let slowFinished = false;
    const slow = RunnableLambda.from(
      async () => {
        await delay(50);
        slowFinished = true;
        return 1;
      },
      { name: "slow" },
    );
    const failing = RunnableLambda.from(
      async (): Promise<number> => {
        await delay(1);
        throw new Error("branch failed");
      },
      { name: "failing" },
    );
    await expect(RunnableParallel.from({ slow, failing }).invoke(0, { callbacks: [rec] })).rejects.toThrow(
      "branch failed",
    );
    expect(rec.openRuns()).toEqual([]);
    expect(slowFinished).toBe(false);
  });

  it("receives a streamed input in a sequence: each branch gets every chunk", async () => {
    const upstream = RunnableGenerator.from(async function* words(_: AsyncIterable<string>) {
      yield "a";
      yield "b";
    });
    const copy = RunnableGenerator.from(async function* copy(input: AsyncIterable<string>) {
      for await (const c of input) yield c;
    });
    const chain = RunnableSequence.from([upstream, { whole: (s: string) => s.toUpperCase(), each: copy }]);
    expect(await chain.invoke("x")).toEqual({ whole: "AB", each: "ab" });
  });
});

describe("RunnableParallel under stream", () => {
  it("rejects when a branch fails mid-stream and closes every run", async () => {
    const rec = new RunRecorder();
    const failing = RunnableLambda.from(
      async (): Promise<string> => {
        await delay(1);
        throw new Error("branch failed");
      },
      { name: "failing" },
    );
    const map = RunnableParallel.from({ ok: ticker("t", 5, 5), failing });
    await expect(toArray(map.stream("go", { callbacks: [rec] }))).rejects.toThrow("branch failed");
    expect(rec.openRuns()).toEqual([]);
  });

  it("runs every branch at once under stream, whatever maxConcurrency says (as documented)", async () => {
    let running = 0;
    let peak = 0;
    const tracked = (x: number) => async () => {
      running++;
      peak = Math.max(peak, running);
      await delay(2);
      running--;
      return x;
    };
    const map = RunnableParallel.from({ a: tracked(1), b: tracked(2), c: tracked(3), d: tracked(4) });
    const chunks = await toArray(map.stream(0, { maxConcurrency: 2 }));
    expect(chunks).toHaveLength(4);
    // Streaming interleaves branch chunks as they arrive, so all branches run together.
    expect(peak).toBe(4);
  });
});

describe("RunnableParallel: the slowest branch paces a streamed input", () => {
  it("a fast branch never runs more than the tee's capacity ahead of a slow one", async () => {
    const total = 20_000;
    const progress = { produced: 0, slowRead: 0, maxAhead: 0 };
    // Never waits on a timer: unbounded buffers let it run to the end before the slow branch reads.
    const eager = RunnableGenerator.from(async function* eager(_: AsyncIterable<unknown>) {
      for (let i = 0; i < total; i++) {
        progress.produced++;
        progress.maxAhead = Math.max(progress.maxAhead, progress.produced - progress.slowRead);
        yield i;
      }
    });
    const fast = RunnableGenerator.from(async function* fast(input: AsyncIterable<number>) {
      let count = 0;
      for await (const _ of input) count++;
      yield count;
    });
    const slow = RunnableGenerator.from(async function* slow(input: AsyncIterable<number>) {
      for await (const _ of input) {
        progress.slowRead++;
        if (progress.slowRead % 500 === 0) await delay(0);
      }
      yield progress.slowRead;
    });
    const chain = RunnableSequence.from([eager, RunnableParallel.from({ fast, slow })]);
    const chunks = await toArray(chain.stream("go"));
    expect(Object.assign({}, ...chunks)).toEqual({ fast: total, slow: total });
    expect(progress.maxAhead).toBeLessThanOrEqual(64 + 2);
  });
});
