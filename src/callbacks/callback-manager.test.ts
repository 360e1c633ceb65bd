import {
  type CallbackHandler,
  CallbackManager,
  type Run,
  RunnableLambda,
  RunnableSequence,
  type RunSpec,
} from "rivulet";
import { RunRecorder } from "rivulet/testing";
import { describe, expect, it } from "vitest";

const spec = (over: Partial<RunSpec> = {}): RunSpec => ({
  name: "run",
  runType: "chain",
  tags: undefined,
  metadata: undefined,
  runId: undefined,
  input: 1,
  inputKnown: true,
  ...over,
});

describe("CallbackManager", () => {
  it("from() gives an unobserved manager for no callbacks, and observes otherwise", () => {
    expect(CallbackManager.from(undefined).observed).toBe(false);
    expect(CallbackManager.from([]).observed).toBe(false);
    expect(CallbackManager.from([new RunRecorder()]).observed).toBe(true);
    const manager = CallbackManager.from([new RunRecorder()]);
    expect(CallbackManager.from(manager)).toBe(manager);
  });

  it("adapts LangChain-style handlers and keeps native observers as they are", () => {
    const rec = new RunRecorder();
    const handler: CallbackHandler = { handleChainStart: () => {} };
    const manager = CallbackManager.from([rec, handler]);
    expect(manager.observers[0]).toBe(rec);
    expect(manager.observers[1]).not.toBe(handler);
    expect(typeof manager.observers[1]!.onRunStart).toBe("function");
  });

  it("creates a root run with its tags and metadata and no parent", () => {
    const run = new CallbackManager().createRun(spec({ tags: ["a"], metadata: { m: 1 } }));
    expect(run.parentIds).toEqual([]);
    expect(run.parentRunId).toBeUndefined();
    expect(run.tags).toEqual(["a"]);
    expect(run.metadata).toEqual({ m: 1 });
    expect(run.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("uses a given run id", () => {
    expect(new CallbackManager().createRun(spec({ runId: "my-id" })).id).toBe("my-id");
  });

  it("links children: parentIds from the root down, local tags first and not inherited", () => {
    const root = new CallbackManager().withInheritable(["inherited"], { a: 1 });
    const parent: Run = root.createRun(spec({ name: "parent", tags: ["own"], metadata: { b: 2 } }));
    expect(parent.tags).toEqual(["own", "inherited"]);
    const child = root.child(parent, "seq:step:1").createRun(spec({ name: "child", metadata: { a: 3 } }));
    expect(child.parentIds).toEqual([parent.id]);
    expect(child.parentRunId).toBe(parent.id);
    expect(child.tags).toEqual(["seq:step:1", "own", "inherited"]);
    expect(child.inheritableTags).toEqual(["own", "inherited"]);
    expect(child.metadata).toEqual({ a: 3, b: 2 });
    const grandchild = root.child(child).createRun(spec({ name: "grandchild" }));
    expect(grandchild.parentIds).toEqual([parent.id, child.id]);
    expect(grandchild.tags).toEqual(["own", "inherited"]);
  });

  it("orders a run's tags as @langchain/core 1.4 does: local, its own (withConfig), inherited, then tags passed to a nested call", async () => {
    const tagsOf = (rec: RunRecorder, name: string) =>
      rec.entries.find((e) => e.kind === "start" && e.name === name)?.tags;
    const leaf = RunnableLambda.from((x: number) => x, { name: "leaf" });
    const first = RunnableLambda.from((x: number) => x, { name: "first" });
    // Each expectation is what @langchain/core 1.4 reports for the same chain.
    const rec = new RunRecorder();
    const chain = RunnableSequence.from([first, leaf.withConfig({ tags: ["own"] })], {
      name: "seq",
    }).withConfig({
      tags: ["seqtag"],
    });
    await chain.invoke(1, { callbacks: [rec], tags: ["inh"] });
    expect(tagsOf(rec, "seq")).toEqual(["seqtag", "inh"]);
    expect(tagsOf(rec, "first")).toEqual(["seq:step:1", "seqtag", "inh"]);
    expect(tagsOf(rec, "leaf")).toEqual(["seq:step:2", "own", "seqtag", "inh"]);

    const bound = new RunRecorder();
    await leaf.withConfig({ tags: ["b1", "b2"] }).invoke(1, { callbacks: [bound], tags: ["c1", "b2"] });
    expect(tagsOf(bound, "leaf")).toEqual(["b1", "b2", "c1"]);

    const nested = new RunRecorder();
    const passingOn = RunnableLambda.from(
      (x: number, config) => leaf.withConfig({ tags: ["own"] }).invoke(x, config),
      { name: "outer" },
    );
    await passingOn.invoke(1, { callbacks: [nested], tags: ["inh"] });
    expect(tagsOf(nested, "leaf")).toEqual(["own", "inh"]);
    // Implicitly propagated, the same (@langchain/core gives ["inh", "own"] there: its implicit
    // config carries no tags, so the order depends on how the config travelled).
    const implicit = new RunRecorder();
    const notPassing = RunnableLambda.from((x: number) => leaf.withConfig({ tags: ["own"] }).invoke(x), {
      name: "outer",
    });
    await notPassing.invoke(1, { callbacks: [implicit], tags: ["inh"] });
    expect(tagsOf(implicit, "leaf")).toEqual(["own", "inh"]);

    const passed = new RunRecorder();
    const passing = RunnableLambda.from(
      (x: number, config) => leaf.invoke(x, { ...config, tags: ["call"] }),
      {
        name: "outer",
      },
    );
    await passing.invoke(1, { callbacks: [passed], tags: ["inh"] });
    expect(tagsOf(passed, "leaf")).toEqual(["inh", "call"]);
  });

  it("withHandlers adds observers without dropping the parent link", () => {
    const rec = new RunRecorder();
    const base = new CallbackManager({ observers: [rec] });
    const parent = base.createRun(spec());
    const more = base.child(parent).withHandlers([new RunRecorder()]);
    expect(more.observers).toHaveLength(2);
    expect(more.parentRun).toBe(parent);
    expect(base.withHandlers([])).toBe(base);
  });

  it("withInheritable unions tags and merges metadata", () => {
    const m = new CallbackManager().withInheritable(["a"], { x: 1 }).withInheritable(["a", "b"], { y: 2 });
    expect(m.inheritableTags).toEqual(["a", "b"]);
    expect(m.inheritableMetadata).toEqual({ x: 1, y: 2 });
  });
});
