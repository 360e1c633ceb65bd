import { ConcatAggregator, concat, KeyedAggregator, LastValueAggregator } from "rivulet";
import { describe, expect, it } from "vitest";

describe("ConcatAggregator", () => {
  it("is undefined before any chunk", () => {
    expect(new ConcatAggregator<string>().result()).toBeUndefined();
  });

  it("folds strings, numbers and objects with concat", () => {
    const s = new ConcatAggregator<string>();
    for (const c of ["a", "b", "c"]) s.add(c);
    expect(s.result()).toBe("abc");
    const o = new ConcatAggregator<Record<string, unknown>>();
    o.add({ a: "x" });
    o.add({ a: "y", b: 1 });
    expect(o.result()).toEqual({ a: "xy", b: 1 });
  });

  it("appends array chunks in order without mutating the chunks it was given", () => {
    const agg = new ConcatAggregator<number[]>();
    const first = [0];
    agg.add(first);
    const n = 20_000;
    for (let i = 1; i < n; i++) agg.add([i]);
    const result = agg.result()!;
    expect(result).toHaveLength(n);
    expect(result[0]).toBe(0);
    expect(result[n - 1]).toBe(n - 1);
    expect(result.every((v, i) => v === i)).toBe(true);
    expect(first).toEqual([0]);
  });

  it("handles an array after a non-array start and vice versa", () => {
    const agg = new ConcatAggregator<unknown>();
    agg.add(undefined);
    agg.add([1]);
    agg.add([2]);
    expect(agg.result()).toEqual([1, 2]);
  });
});

describe("LastValueAggregator", () => {
  it("keeps the last snapshot", () => {
    const agg = new LastValueAggregator<{ n: number }>();
    agg.add({ n: 1 });
    agg.add({ n: 2 });
    expect(agg.result()).toEqual({ n: 2 });
  });
});

describe("KeyedAggregator", () => {
  it("folds each key with its own aggregator", () => {
    const agg = new KeyedAggregator((key) =>
      key === "last" ? new LastValueAggregator() : new ConcatAggregator(),
    );
    agg.add({ text: "a", last: 1 });
    agg.add({ text: "b" });
    agg.add({ last: 2 });
    expect(agg.result()).toEqual({ text: "ab", last: 2 });
  });

  it("is undefined before any chunk", () => {
    expect(new KeyedAggregator(() => new ConcatAggregator()).result()).toBeUndefined();
  });
});

describe("ConcatAggregator ownership", () => {
  it("never mutates a chunk it was given, even after the chunks changed type", () => {
    const agg = new ConcatAggregator<unknown>();
    agg.add([0]);
    agg.add([1]); // the aggregator now owns a copy
    agg.add("switch"); // the later value wins: the accumulator is no longer an array
    const chunk = [2];
    agg.add(chunk);
    agg.add([3]);
    expect(chunk).toEqual([2]);
  });
});

describe("ConcatAggregator: strings mixed with other chunks", () => {
  it("gives what folding with concat gives, for every mix", () => {
    const sequences: unknown[][] = [
      ["a", "b", "c"],
      ["a", null, "b"],
      [null, "a", "b"],
      ["a", 1, "b"],
      [1, 2, "x"],
      ["x", undefined, "y"],
      [{ a: "x" }, { a: "y" }],
    ];
    for (const chunks of sequences) {
      const aggregator = new ConcatAggregator<unknown>();
      let folded: unknown;
      chunks.forEach((chunk, index) => {
        aggregator.add(chunk);
        folded = index === 0 ? chunk : concat(folded, chunk);
      });
      expect(aggregator.result(), JSON.stringify(chunks)).toEqual(folded);
    }
  });
});
