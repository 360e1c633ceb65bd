import { RunnableLambda, RunnableParallel, RunnableSequence } from "rivulet";
import { type RecordedEntry, RunRecorder, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";

const leaf = RunnableLambda.from((x: number) => x, { name: "leaf" });
/** A lambda that calls `leaf` (a grandchild of the sequence or map around it). */
const callsLeaf = RunnableLambda.from((x: number) => leaf.invoke(x), { name: "callsLeaf" });

function startOf(rec: RunRecorder, name: string): RecordedEntry {
  const entry = rec.entries.find((e) => e.kind === "start" && e.name === name);
  if (entry === undefined) throw new Error(`no start for ${name} in ${rec.lines().join(", ")}`);
  return entry;
}

describe("tags", () => {
  it("are inherited from withConfig on the root by every descendant", async () => {
    const rec = new RunRecorder();
    const chain = RunnableSequence.from([callsLeaf, (x: number) => x], { name: "seq" }).withConfig({
      tags: ["outer"],
    });
    await chain.invoke(1, { callbacks: [rec] });
    expect(startOf(rec, "seq").tags).toEqual(["outer"]);
    expect(startOf(rec, "callsLeaf").tags).toEqual(["seq:step:1", "outer"]);
    expect(startOf(rec, "leaf").tags).toEqual(["outer"]);
  });

  it("seq:step:N is local: a grandchild does not inherit it", async () => {
    const rec = new RunRecorder();
    await RunnableSequence.from([(x: number) => x, callsLeaf]).invoke(1, { callbacks: [rec] });
    expect(startOf(rec, "callsLeaf").tags).toEqual(["seq:step:2"]);
    expect(startOf(rec, "leaf").tags).toEqual([]);
  });

  it("map:key:K is local: a grandchild does not inherit it", async () => {
    const rec = new RunRecorder();
    await RunnableParallel.from({ k: callsLeaf }).invoke(1, { callbacks: [rec], tags: ["call"] });
    expect(startOf(rec, "callsLeaf").tags).toEqual(["map:key:k", "call"]);
    expect(startOf(rec, "leaf").tags).toEqual(["call"]);
  });

  it("orders local tags first, then the run's own tags, then inherited tags, without duplicates", async () => {
    const rec = new RunRecorder();
    const own = leaf.withConfig({ tags: ["own", "outer"] });
    const chain = RunnableSequence.from([(x: number) => x, own]).withConfig({ tags: ["outer"] });
    await chain.invoke(1, { callbacks: [rec], tags: ["call"] });
    expect(startOf(rec, "leaf").tags).toEqual(["seq:step:2", "own", "outer", "call"]);
  });

  it("apply under stream as under invoke", async () => {
    const rec = new RunRecorder();
    const chain = RunnableSequence.from([callsLeaf, (x: number) => x]);
    await toArray(chain.stream(1, { callbacks: [rec], tags: ["t"] }));
    expect(startOf(rec, "callsLeaf").tags).toEqual(["seq:step:1", "t"]);
    expect(startOf(rec, "leaf").tags).toEqual(["t"]);
  });
});

describe("metadata", () => {
  it("is inherited and shallow-merged, the inner value winning per key", async () => {
    const rec = new RunRecorder();
    const inner = leaf.withConfig({ metadata: { b: { inner: true }, c: 3 } });
    const chain = RunnableSequence.from([(x: number) => x, inner]).withConfig({
      metadata: { a: 1, b: { outer: true } },
    });
    await chain.invoke(1, { callbacks: [rec] });
    expect(startOf(rec, "RunnableSequence").metadata).toEqual({ a: 1, b: { outer: true } });
    expect(startOf(rec, "leaf").metadata).toEqual({ a: 1, b: { inner: true }, c: 3 });
  });

  it("reaches runs nested inside a lambda", async () => {
    const rec = new RunRecorder();
    await callsLeaf.invoke(1, { callbacks: [rec], metadata: { user: "ada" } });
    expect(startOf(rec, "leaf").metadata).toEqual({ user: "ada" });
  });
});

describe("runName", () => {
  it("names the root run only, not its children", async () => {
    const rec = new RunRecorder();
    await RunnableSequence.from([callsLeaf, (x: number) => x]).invoke(1, {
      callbacks: [rec],
      runName: "root",
    });
    expect(rec.lines()).toEqual([
      "start:root",
      "start:callsLeaf",
      "start:leaf",
      "end:leaf",
      "end:callsLeaf",
      "start:RunnableLambda",
      "end:RunnableLambda",
      "end:root",
    ]);
  });

  it("from withConfig does not leak into runs nested in the lambda", async () => {
    const rec = new RunRecorder();
    await callsLeaf.withConfig({ runName: "renamed" }).invoke(1, { callbacks: [rec] });
    expect(rec.lines()).toEqual(["start:renamed", "start:leaf", "end:leaf", "end:renamed"]);
  });

  it("does not leak into a runnable returned by the lambda", async () => {
    const rec = new RunRecorder();
    const router = RunnableLambda.from((_: number) => leaf, { name: "router" });
    await router.invoke(1, { callbacks: [rec], runName: "named" });
    expect(rec.lines()).toEqual(["start:named", "start:leaf", "end:leaf", "end:named"]);
  });

  it("runId applies to the root run only", async () => {
    const rec = new RunRecorder();
    const runId = "0190a4b2-0000-7000-8000-000000000001";
    await callsLeaf.invoke(1, { callbacks: [rec], runId });
    expect(startOf(rec, "callsLeaf").runId).toBe(runId);
    expect(startOf(rec, "leaf").runId).not.toBe(runId);
    expect(startOf(rec, "leaf").parentIds).toEqual([runId]);
  });
});
