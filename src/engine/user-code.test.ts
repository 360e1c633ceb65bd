import { AsyncResource } from "node:async_hooks";
import {
  isImplicitPropagationAvailable,
  type RunnableConfig,
  RunnableGenerator,
  RunnableLambda,
  RunnableSequence,
} from "rivulet";
import { type RecordedEntry, RunRecorder, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";

const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

const inner = RunnableLambda.from(
  async (x: number) => {
    await delay(x % 3);
    return x * 10;
  },
  { name: "inner" },
);

function starts(rec: RunRecorder, name: string): RecordedEntry[] {
  return rec.entries.filter((e) => e.kind === "start" && e.name === name);
}

describe("nested calls inside user code", () => {
  it("is available in Node", () => {
    expect(isImplicitPropagationAvailable()).toBe(true);
  });

  it("links a call without config to the enclosing lambda run (AsyncLocalStorage)", async () => {
    const rec = new RunRecorder();
    const outer = RunnableLambda.from(async (x: number) => (await inner.invoke(x)) + 1, { name: "outer" });
    const chain = RunnableSequence.from([(x: number) => x, outer], { name: "seq" });
    expect(await chain.invoke(2, { callbacks: [rec] })).toBe(21);
    const [seq] = starts(rec, "seq");
    const [o] = starts(rec, "outer");
    const [i] = starts(rec, "inner");
    expect(o!.parentIds).toEqual([seq!.runId]);
    expect(i!.parentIds).toEqual([seq!.runId, o!.runId]);
    expect(rec.openRuns()).toEqual([]);
  });

  it("links a call with the explicit config (second argument) to the enclosing lambda run", async () => {
    const rec = new RunRecorder();
    const outer = RunnableLambda.from(async (x: number, config) => (await inner.invoke(x, config)) + 1, {
      name: "outer",
    });
    expect(await outer.invoke(2, { callbacks: [rec] })).toBe(21);
    expect(rec.lines()).toEqual(["start:outer", "start:inner", "end:inner", "end:outer"]);
    expect(starts(rec, "inner")[0]!.parentIds).toEqual([starts(rec, "outer")[0]!.runId]);
  });

  it("links a call through the explicit config alone when the implicit context is not there", async () => {
    const rec = new RunRecorder();
    // Bound outside any run: calling these runs them in an async context with no enclosing run,
    // as in a runtime without AsyncLocalStorage.
    const withConfig = AsyncResource.bind((x: number, config: RunnableConfig) => inner.invoke(x, config));
    const withoutConfig = AsyncResource.bind((x: number) => inner.invoke(x));
    const outer = RunnableLambda.from(
      async (x: number, config) => (await withConfig(x, config)) + (await withoutConfig(x)),
      { name: "outer" },
    );
    expect(await outer.invoke(1, { callbacks: [rec] })).toBe(20);
    expect(rec.lines()).toEqual(["start:outer", "start:inner", "end:inner", "end:outer"]);
    expect(starts(rec, "inner")[0]!.parentIds).toEqual([starts(rec, "outer")[0]!.runId]);
  });

  it("adds handlers and tags passed explicitly to a nested call on top of the inherited ones", async () => {
    const rec = new RunRecorder();
    const extra = new RunRecorder();
    const outer = RunnableLambda.from(
      (x: number) => inner.invoke(x, { callbacks: [extra], tags: ["nested"] }),
      {
        name: "outer",
      },
    );
    await outer.invoke(1, { callbacks: [rec], tags: ["root"] });
    expect(starts(rec, "inner")[0]!.tags).toEqual(["root", "nested"]);
    expect(starts(rec, "inner")[0]!.parentIds).toEqual([starts(rec, "outer")[0]!.runId]);
    expect(extra.lines()).toEqual(["start:inner", "end:inner"]);
  });

  it("links calls made inside an async generator step, per chunk", async () => {
    const rec = new RunRecorder();
    const source = RunnableGenerator.from(async function* source(_: AsyncIterable<number>) {
      yield 1;
      yield 2;
    });
    const enrich = RunnableGenerator.from(async function* enrich(input: AsyncIterable<number>) {
      for await (const x of input) yield await inner.invoke(x);
    });
    const chain = RunnableSequence.from([source, enrich]);
    expect(await toArray(chain.stream(0, { callbacks: [rec] }))).toEqual([10, 20]);
    const [root] = starts(rec, "RunnableSequence");
    const [gen] = starts(rec, "enrich");
    const innerStarts = starts(rec, "inner");
    expect(innerStarts).toHaveLength(2);
    for (const s of innerStarts) expect(s.parentIds).toEqual([root!.runId, gen!.runId]);
    expect(rec.openRuns()).toEqual([]);
  });

  it("links calls made with the generator's config argument", async () => {
    const rec = new RunRecorder();
    const enrich = RunnableGenerator.from(async function* enrich(input: AsyncIterable<number>, config) {
      for await (const x of input) yield await inner.invoke(x, config);
    });
    await enrich.invoke(3, { callbacks: [rec] });
    expect(starts(rec, "inner")[0]!.parentIds).toEqual([starts(rec, "enrich")[0]!.runId]);
  });

  it("links each of several concurrent calls inside Promise.all", async () => {
    const rec = new RunRecorder();
    const fanOut = RunnableLambda.from(
      async (xs: number[]) => Promise.all([...xs.map((x) => inner.invoke(x)), inner.stream(9).then(toArray)]),
      { name: "fanOut" },
    );
    expect(await fanOut.invoke([1, 2, 3], { callbacks: [rec] })).toEqual([10, 20, 30, [90]]);
    const parent = starts(rec, "fanOut")[0]!.runId;
    const innerStarts = starts(rec, "inner");
    expect(innerStarts).toHaveLength(4);
    for (const s of innerStarts) expect(s.parentIds).toEqual([parent]);
    expect(rec.openRuns()).toEqual([]);
  });

  it("does not link a call made after the lambda returned (the context is released)", async () => {
    const rec = new RunRecorder();
    let late: Promise<number> | undefined;
    const leaky = RunnableLambda.from(
      (x: number) => {
        late = delay(5).then(() => inner.invoke(x));
        return x;
      },
      { name: "leaky" },
    );
    await leaky.invoke(1, { callbacks: [rec] });
    await late;
    expect(rec.lines()).toEqual(["start:leaky", "end:leaky"]);
  });

  it("keeps 100 concurrent streams apart: each recorder sees only its own runs", async () => {
    const step = (name: string) =>
      RunnableLambda.from(async (x: number) => (await inner.invoke(x)) + 1, { name });
    const chain = RunnableSequence.from([step("first"), step("second")]);
    const recorders = Array.from({ length: 100 }, () => new RunRecorder());
    const outputs = await Promise.all(
      recorders.map((rec, i) => toArray(chain.stream(i, { callbacks: [rec], metadata: { i } }))),
    );
    expect(outputs).toEqual(recorders.map((_, i) => [(i * 10 + 1) * 10 + 1]));
    for (const [i, rec] of recorders.entries()) {
      const startEntries = rec.entries.filter((e) => e.kind === "start");
      expect(startEntries.map((e) => e.name)).toEqual([
        "RunnableSequence",
        "first",
        "inner",
        "second",
        "inner",
      ]);
      const ids = new Set(startEntries.map((e) => e.runId));
      expect(ids.size).toBe(5);
      const root = startEntries[0]!;
      expect(root.parentIds).toEqual([]);
      for (const e of rec.entries) {
        expect(e.metadata).toEqual({ i });
        for (const p of e.parentIds) expect(ids.has(p)).toBe(true);
      }
      for (const e of startEntries.slice(1)) expect(e.parentIds[0]).toBe(root.runId);
      expect(rec.openRuns()).toEqual([]);
    }
  });
});
