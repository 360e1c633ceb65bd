import { InvalidInputError, RunnableEach, RunnableLambda } from "rivulet";
import { RunRecorder, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";

const shout = RunnableLambda.from((s: string) => s.toUpperCase(), { name: "shout" });

describe("Runnable.map() / RunnableEach", () => {
  it("applies the runnable to each element, in order", async () => {
    const each = shout.map();
    expect(each).toBeInstanceOf(RunnableEach);
    expect(await each.invoke(["a", "b", "c"])).toEqual(["A", "B", "C"]);
    expect(await new RunnableEach({ bound: shout }).invoke([])).toEqual([]);
  });

  it("runs each element as a child run of its own run, without tags", async () => {
    const rec = new RunRecorder();
    await shout.map().invoke(["a", "b"], { callbacks: [rec] });
    const each = rec.entries.find((e) => e.name === "RunnableEach" && e.kind === "start");
    const children = rec.entries.filter((e) => e.name === "shout" && e.kind === "end");
    expect(children.map((e) => [e.input, e.output, e.tags])).toEqual([
      ["a", "A", []],
      ["b", "B", []],
    ]);
    expect(children.every((e) => e.parentIds.at(-1) === each?.runId)).toBe(true);
    expect(rec.openRuns()).toEqual([]);
  });

  it("runs at most maxConcurrency elements at a time", async () => {
    let running = 0;
    let peak = 0;
    const slow = RunnableLambda.from(async (n: number) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
      return n;
    });
    expect(await slow.map().invoke([1, 2, 3, 4, 5], { maxConcurrency: 2 })).toEqual([1, 2, 3, 4, 5]);
    expect(peak).toBe(2);
  });

  it("fails the call when an element fails", async () => {
    const picky = RunnableLambda.from((n: number) => {
      if (n === 2) throw new Error("no twos");
      return n;
    });
    await expect(picky.map().invoke([1, 2, 3])).rejects.toThrow("no twos");
  });

  it("says what to pass when the input is not an array", async () => {
    const each = shout.map();
    // @ts-expect-error: the input must be an array
    const failed = each.invoke("abc");
    await expect(failed).rejects.toBeInstanceOf(InvalidInputError);
    await expect(each.invoke(null as unknown as string[])).rejects.toThrow(
      "RunnableEach applies shout to each element of an array: pass an array, got null",
    );
  });

  it("batches arrays of arrays", async () => {
    expect(await shout.map().batch([["a"], ["b", "c"]])).toEqual([["A"], ["B", "C"]]);
  });

  it("streams its output as one chunk", async () => {
    expect(await toArray(shout.map().stream(["x", "y"]))).toEqual([["X", "Y"]]);
  });

  it("shows the elements' runs inside its own in streamEvents", async () => {
    const events = await toArray(shout.map().streamEvents(["x", "y"], { version: "v2" }));
    const summary = events.map((e) => [e.event, e.name, e.data]);
    expect(summary[0]).toEqual(["on_chain_start", "RunnableEach", { input: ["x", "y"] }]);
    expect(summary.at(-1)).toEqual(["on_chain_end", "RunnableEach", { output: ["X", "Y"] }]);
    expect(summary.filter(([event, name]) => event === "on_chain_end" && name === "shout")).toEqual([
      ["on_chain_end", "shout", { input: "x", output: "X" }],
      ["on_chain_end", "shout", { input: "y", output: "Y" }],
    ]);
  });

  it("puts listeners on the bound runnable, so they run for each element", async () => {
    const ended: unknown[] = [];
    const each = shout.map().withListeners({ onEnd: (run) => void ended.push(run.output) });
    expect(each).toBeInstanceOf(RunnableEach);
    expect(await each.invoke(["p", "q"])).toEqual(["P", "Q"]);
    expect(ended).toEqual(["P", "Q"]);
  });

  it("keeps its name when listeners are added", async () => {
    const rec = new RunRecorder();
    const named = new RunnableEach({ bound: shout, name: "shoutAll" }).withListeners({});
    expect(named.getName()).toBe("shoutAll");
    await named.invoke(["a"], { callbacks: [rec] });
    expect(rec.entries.filter((e) => e.kind === "start").map((e) => e.name)).toEqual(["shoutAll", "shout"]);
  });
});
