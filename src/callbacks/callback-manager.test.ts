import { type CallbackHandler, CallbackManager, type Run, type RunSpec } from "rivulet";
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
    expect(parent.tags).toEqual(["inherited", "own"]);
    const child = root.child(parent, "seq:step:1").createRun(spec({ name: "child", metadata: { a: 3 } }));
    expect(child.parentIds).toEqual([parent.id]);
    expect(child.parentRunId).toBe(parent.id);
    expect(child.tags).toEqual(["seq:step:1", "inherited", "own"]);
    expect(child.inheritableTags).toEqual(["inherited", "own"]);
    expect(child.metadata).toEqual({ a: 3, b: 2 });
    const grandchild = root.child(child).createRun(spec({ name: "grandchild" }));
    expect(grandchild.parentIds).toEqual([parent.id, child.id]);
    expect(grandchild.tags).toEqual(["inherited", "own"]);
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
