import { RunnableLambda, RunnableSequence } from "rivulet";
import { RunRecorder, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";

const addOne = RunnableLambda.from((x: number) => x + 1, { name: "addOne" });
const double = RunnableLambda.from((x: number) => x * 2, { name: "double" });
const show = RunnableLambda.from((x: number) => String(x), { name: "show" });

describe("RunnableSequence", () => {
  it("invokes steps in order", async () => {
    const chain = addOne.pipe(double).pipe(show);
    expect(await chain.invoke(1)).toBe("4");
  });

  it("streams with the pipelined callback order of docs/events.md rule 2", async () => {
    const rec = new RunRecorder();
    const chain = RunnableSequence.from([addOne, double, show]);
    expect(await toArray(chain.stream(1, { callbacks: [rec] }))).toEqual(["4"]);
    expect(rec.lines()).toEqual([
      "start:RunnableSequence",
      "start:addOne",
      "stream:addOne",
      "start:double",
      "end:addOne",
      "stream:double",
      "start:show",
      "end:double",
      "stream:show",
      "stream:RunnableSequence",
      "end:show",
      "end:RunnableSequence",
    ]);
  });
});

describe("RunnableSequence composition", () => {
  it("flattens unnamed sequences built with pipe into one run with N steps", async () => {
    const rec = new RunRecorder();
    const chain = addOne.pipe(double).pipe(show);
    expect(chain).toBeInstanceOf(RunnableSequence);
    expect((chain as RunnableSequence).steps).toEqual([addOne, double, show]);
    await chain.invoke(1, { callbacks: [rec] });
    expect(rec.entries.filter((e) => e.kind === "start" && e.name === "RunnableSequence")).toHaveLength(1);
  });

  it("keeps a named sequence as one nested step, and honours its name in run names", async () => {
    const rec = new RunRecorder();
    const inner = RunnableSequence.from([addOne, double], { name: "inner" });
    const outer = RunnableSequence.from([inner, show], { name: "outer" });
    expect(outer.steps).toHaveLength(2);
    expect(await outer.invoke(1, { callbacks: [rec] })).toBe("4");
    expect(rec.lines()).toEqual([
      "start:outer",
      "start:inner",
      "start:addOne",
      "end:addOne",
      "start:double",
      "end:double",
      "end:inner",
      "start:show",
      "end:show",
      "end:outer",
    ]);
  });

  it("tags step N with seq:step:N", async () => {
    const rec = new RunRecorder();
    await RunnableSequence.from([addOne, double, show]).invoke(1, { callbacks: [rec] });
    const tags = rec.entries.filter((e) => e.kind === "start").map((e) => e.tags);
    expect(tags).toEqual([[], ["seq:step:1"], ["seq:step:2"], ["seq:step:3"]]);
  });

  it("needs at least two steps", () => {
    expect(() => new RunnableSequence({ steps: [addOne] })).toThrow(/at least 2 steps/);
  });

  it("streams a nested sequence's output (it emits stream notifications of its own)", async () => {
    const rec = new RunRecorder();
    const inner = RunnableSequence.from([addOne, double], { name: "inner" });
    const outer = RunnableSequence.from([inner, show]);
    await toArray(outer.stream(1, { callbacks: [rec] }));
    expect(rec.lines()).toContain("stream:inner");
  });
});
