import { RunnableLambda, RunnableSequence } from "rivulet";
import { RunRecorder, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";

const addOne = RunnableLambda.from((x: number) => x + 1, { name: "addOne" });
const double = RunnableLambda.from((x: number) => x * 2, { name: "double" });

function stepTags(rec: RunRecorder): Array<[string, readonly string[]]> {
  return rec.entries.filter((e) => e.kind === "start").map((e) => [e.name, e.tags]);
}

describe("RunnableSequence.from(steps, { omitSequenceTags })", () => {
  it("tags each step seq:step:N by default", async () => {
    const rec = new RunRecorder();
    await RunnableSequence.from([addOne, double]).invoke(1, { callbacks: [rec] });
    expect(stepTags(rec)).toEqual([
      ["RunnableSequence", []],
      ["addOne", ["seq:step:1"]],
      ["double", ["seq:step:2"]],
    ]);
  });

  it("runs the steps without seq:step tags under invoke, keeping inherited tags", async () => {
    const chain = RunnableSequence.from([addOne, double], { omitSequenceTags: true, name: "quiet" });
    expect(chain.omitSequenceTags).toBe(true);
    const rec = new RunRecorder();
    expect(await chain.invoke(1, { callbacks: [rec], tags: ["user"] })).toBe(4);
    expect(stepTags(rec)).toEqual([
      ["quiet", ["user"]],
      ["addOne", ["user"]],
      ["double", ["user"]],
    ]);
  });

  it("streams without seq:step tags", async () => {
    const chain = RunnableSequence.from([addOne, double], { omitSequenceTags: true });
    const rec = new RunRecorder();
    expect(await toArray(chain.stream(2, { callbacks: [rec] }))).toEqual([6]);
    expect(rec.entries.every((e) => e.tags.length === 0)).toBe(true);
    expect(rec.lines()).toContain("stream:double");
  });

  it("shows no seq:step tags in streamEvents", async () => {
    const chain = RunnableSequence.from([addOne, double], { omitSequenceTags: true });
    const events = await toArray(chain.streamEvents(3, { version: "v2" }));
    // The order of events is the engine's concern (tested there); here: no event carries a step tag.
    expect(events.filter((e) => e.event === "on_chain_start").map((e) => [e.name, e.tags])).toEqual([
      ["RunnableSequence", []],
      ["addOne", []],
      ["double", []],
    ]);
    expect(events.every((e) => e.tags?.length === 0)).toBe(true);
  });

  it("runs a batch without seq:step tags", async () => {
    const chain = RunnableSequence.from([addOne, double], { omitSequenceTags: true });
    const rec = new RunRecorder();
    expect(await chain.batch([1, 2], { callbacks: [rec] })).toEqual([4, 6]);
    expect(rec.entries.filter((e) => e.tags.length > 0)).toEqual([]);
  });

  it("still takes a name as a string, with tags", async () => {
    const chain = RunnableSequence.from([addOne, double], "named");
    expect(chain.omitSequenceTags).toBe(false);
    expect(chain.getName()).toBe("named");
  });

  it("keeps its steps untagged when piped into or after another runnable (it is not merged into a tagged sequence)", async () => {
    const quiet = RunnableSequence.from([addOne, double], { omitSequenceTags: true });
    const rec = new RunRecorder();
    expect(await addOne.pipe(quiet).invoke(1, { callbacks: [rec] })).toBe(6);
    // As in @langchain/core: the quiet sequence is a step (tagged), its own steps are not.
    expect(stepTags(rec)).toEqual([
      ["RunnableSequence", []],
      ["addOne", ["seq:step:1"]],
      ["RunnableSequence", ["seq:step:2"]],
      ["addOne", []],
      ["double", []],
    ]);
    const after = new RunRecorder();
    expect(await toArray(quiet.pipe(double).stream(1, { callbacks: [after] }))).toEqual([8]);
    expect(stepTags(after).filter(([name]) => name !== "RunnableSequence")).toEqual([
      ["addOne", []],
      ["double", []],
      ["double", ["seq:step:2"]],
    ]);
    const from = new RunRecorder();
    await RunnableSequence.from([quiet, double]).invoke(1, { callbacks: [from] });
    expect(stepTags(from).map(([, tags]) => tags)).toEqual([[], ["seq:step:1"], [], [], ["seq:step:2"]]);
  });
});
