import {
  type CallbackHandler,
  dispatchCustomEvent,
  InvalidInputError,
  RunnableGenerator,
  RunnableLambda,
  type RunObserver,
} from "rivulet";
import { RunRecorder, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";

describe("dispatchCustomEvent", () => {
  it("reaches a RunRecorder with the dispatching lambda's run id", async () => {
    const rec = new RunRecorder();
    const step = RunnableLambda.from(
      async (x: number) => {
        await dispatchCustomEvent("progress", { done: 0.5 });
        return x;
      },
      { name: "step" },
    );
    await step.pipe((x: number) => x).invoke(1, { callbacks: [rec] });
    const custom = rec.entries.find((e) => e.kind === "custom");
    const start = rec.entries.find((e) => e.kind === "start" && e.name === "step");
    expect(custom).toMatchObject({ customName: "progress", chunk: { done: 0.5 }, runId: start!.runId });
    expect(custom!.parentIds).toEqual(start!.parentIds);
    expect(rec.lines().indexOf("custom:progress")).toBeGreaterThan(rec.lines().indexOf("start:step"));
    expect(rec.lines().indexOf("custom:progress")).toBeLessThan(rec.lines().indexOf("end:step"));
  });

  it("works with the explicit config and inside a generator step", async () => {
    const rec = new RunRecorder();
    const gen = RunnableGenerator.from(async function* gen(input: AsyncIterable<string>, config) {
      for await (const c of input) {
        await dispatchCustomEvent("seen", c, config);
        yield c;
      }
    });
    await toArray(gen.stream("x", { callbacks: [rec] }));
    expect(rec.entries.find((e) => e.kind === "custom")).toMatchObject({
      customName: "seen",
      chunk: "x",
      runId: rec.entries[0]!.runId,
    });
  });

  it("reaches LangChain-style handleCustomEvent", async () => {
    const seen: unknown[][] = [];
    const handler: CallbackHandler = { handleCustomEvent: (...args) => void seen.push(args) };
    const step = RunnableLambda.from(async (x: number) => {
      await dispatchCustomEvent("ping", 42);
      return x;
    });
    await step.invoke(1, { callbacks: [handler], tags: ["t"] });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.slice(0, 2)).toEqual(["ping", 42]);
    expect(seen[0]![3]).toEqual(["t"]);
  });

  it("is a no-op inside a run nobody observes", async () => {
    const step = RunnableLambda.from(async (x: number) => {
      await dispatchCustomEvent("ignored", {});
      return x;
    });
    expect(await step.invoke(3)).toBe(3);
  });

  it("reaches every observer when one throws, then rejects with that error", async () => {
    const failure = new Error("first observer failed");
    const seen: string[] = [];
    const throws: RunObserver = {
      onCustomEvent: () => {
        throw failure;
      },
    };
    const records: RunObserver = { onCustomEvent: (_run, name) => void seen.push(name) };
    const step = RunnableLambda.from(async (x: number) => {
      await dispatchCustomEvent("ping", x);
      return x;
    });
    await expect(step.invoke(1, { callbacks: [throws, records] })).rejects.toBe(failure);
    expect(seen).toEqual(["ping"]);
  });

  it("throws InvalidInputError outside of a run", async () => {
    await expect(dispatchCustomEvent("orphan", {})).rejects.toBeInstanceOf(InvalidInputError);
    await expect(dispatchCustomEvent("orphan", {})).rejects.toThrow(/outside of a run/);
  });
});
