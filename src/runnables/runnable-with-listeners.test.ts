import {
  type ListenerRun,
  type Run,
  RunnableBinding,
  type RunnableConfig,
  RunnableLambda,
  RunnableWithListeners,
} from "rivulet";
import { RunRecorder, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";

const addOne = RunnableLambda.from((x: number) => x + 1, { name: "addOne" });
const double = RunnableLambda.from((x: number) => x * 2, { name: "double" });

type Seen = { kind: string; name: string; input: unknown; output: unknown; error: unknown; tags: unknown };

function recorder() {
  const seen: Seen[] = [];
  const configs: RunnableConfig[] = [];
  const listen = (kind: string) => (run: Run, config: RunnableConfig) => {
    seen.push({
      kind,
      name: run.name,
      input: run.input,
      output: run.output,
      error: run.error,
      tags: run.tags,
    });
    configs.push(config);
  };
  return {
    seen,
    configs,
    listeners: { onStart: listen("start"), onEnd: listen("end"), onError: listen("error") },
  };
}

describe("Runnable.withListeners", () => {
  it("calls onStart and onEnd for the bound runnable's own run only, with the run and the config", async () => {
    const { seen, configs, listeners } = recorder();
    const chain = addOne.pipe(double).withListeners(listeners);
    expect(chain).toBeInstanceOf(RunnableBinding);
    expect(await chain.invoke(1, { tags: ["call"], metadata: { user: "u1" } })).toBe(4);
    expect(seen).toEqual([
      {
        kind: "start",
        name: "RunnableSequence",
        input: 1,
        output: undefined,
        error: undefined,
        tags: ["call"],
      },
      { kind: "end", name: "RunnableSequence", input: 1, output: 4, error: undefined, tags: ["call"] },
    ]);
    expect(configs[0]?.tags).toEqual(["call"]);
    expect(configs[0]?.metadata).toEqual({ user: "u1" });
  });

  it("calls onError with the failed run, and not onEnd", async () => {
    const { seen, listeners } = recorder();
    const failing = RunnableLambda.from(
      (_: number): number => {
        throw new Error("boom");
      },
      { name: "failing" },
    ).withListeners(listeners);
    await expect(failing.invoke(1)).rejects.toThrow("boom");
    expect(seen.map((s) => [s.kind, s.name])).toEqual([
      ["start", "failing"],
      ["error", "failing"],
    ]);
    expect(seen[1]?.error).toBeInstanceOf(Error);
  });

  it("runs for each call of stream and batch, with the streamed output folded", async () => {
    const { seen, listeners } = recorder();
    const chain = addOne.pipe(double).withListeners(listeners);
    expect(await toArray(chain.stream(2))).toEqual([6]);
    expect(await chain.batch([1, 2])).toEqual([4, 6]);
    expect(seen.filter((s) => s.kind === "end").map((s) => [s.input, s.output])).toEqual([
      [2, 6],
      [1, 4],
      [2, 6],
    ]);
  });

  it("awaits async listeners before the call settles", async () => {
    const order: string[] = [];
    const slow = addOne.withListeners({
      onEnd: async () => {
        await new Promise((resolve) => setTimeout(resolve, 10));
        order.push("listener");
      },
    });
    await slow.invoke(1);
    order.push("settled");
    expect(order).toEqual(["listener", "settled"]);
  });

  it("reports a listener that throws and lets the run go on", async () => {
    const warnings: string[] = [];
    const chain = new RunnableWithListeners({
      bound: addOne,
      listeners: {
        onEnd: () => {
          throw new Error("listener broke");
        },
      },
      logger: { warn: (message) => warnings.push(message) },
    });
    expect(await chain.invoke(1)).toBe(2);
    expect(warnings).toEqual([
      "Error in the onEnd listener of addOne (withListeners): Error: listener broke",
    ]);
  });

  it("is not a run of its own: observers see the bound runnable's runs, nested where it is called", async () => {
    const { seen, listeners } = recorder();
    const rec = new RunRecorder();
    const chain = addOne.pipe(double.withListeners(listeners));
    await chain.invoke(1, { callbacks: [rec] });
    expect(rec.lines()).toEqual([
      "start:RunnableSequence",
      "start:addOne",
      "end:addOne",
      "start:double",
      "end:double",
      "end:RunnableSequence",
    ]);
    expect(seen.map((s) => [s.kind, s.name, s.tags])).toEqual([
      ["start", "double", ["seq:step:2"]],
      ["end", "double", ["seq:step:2"]],
    ]);
  });

  it("keeps both sets of listeners when added twice, and keeps them through withConfig", async () => {
    const calls: string[] = [];
    const chain = addOne
      .withListeners({ onStart: () => void calls.push("first") })
      .withListeners({ onStart: () => void calls.push("second") })
      .withConfig({ runName: "renamed" });
    await chain.invoke(1);
    expect(calls.sort()).toEqual(["first", "second"]);
  });

  it("shows nothing extra in streamEvents", async () => {
    const { seen, listeners } = recorder();
    const events = await toArray(addOne.withListeners(listeners).streamEvents(1, { version: "v2" }));
    expect(events.map((e) => [e.event, e.name])).toEqual([
      ["on_chain_start", "addOne"],
      ["on_chain_stream", "addOne"],
      ["on_chain_end", "addOne"],
    ]);
    expect(seen.map((s) => s.kind)).toEqual(["start", "end"]);
  });
});

describe("the run a listener receives", () => {
  it("also has @langchain/core's field names, with inputs and outputs as objects", async () => {
    const runs: ListenerRun[] = [];
    const chain = addOne.withConfig({ tags: ["t"] }).withListeners({
      onStart: (run) => void runs.push(run),
      onEnd: (run) => void runs.push(run),
    });
    await chain.invoke(1);
    const [start, end] = runs;
    expect(start).toMatchObject({
      name: "addOne",
      run_type: "chain",
      inputs: { input: 1 },
      outputs: undefined,
    });
    expect(start?.end_time).toBeUndefined();
    expect(end).toMatchObject({
      run_type: "chain",
      inputs: { input: 1 },
      outputs: { output: 2 },
      tags: ["t"],
    });
    expect(end?.start_time).toBe(end?.startTime);
    expect(end?.end_time).toBeGreaterThanOrEqual(end?.start_time ?? Number.POSITIVE_INFINITY);
    expect(end?.parent_run_id).toBeUndefined();
  });

  it("keeps object inputs and outputs as they are, and has no outputs for a failed run", async () => {
    const runs: ListenerRun[] = [];
    const echo = RunnableLambda.from((x: { q: string }) => ({ a: x.q }));
    await echo.withListeners({ onEnd: (run) => void runs.push(run) }).invoke({ q: "z" });
    expect(runs[0]).toMatchObject({ inputs: { q: "z" }, outputs: { a: "z" } });
    const failing = RunnableLambda.from((_: number): number => {
      throw new Error("no");
    });
    await expect(
      failing.withListeners({ onError: (run) => void runs.push(run) }).invoke(1),
    ).rejects.toThrow();
    expect(runs[1]?.outputs).toBeUndefined();
    expect(runs[1]?.error).toBeInstanceOf(Error);
  });
});
