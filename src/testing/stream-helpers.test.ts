import { InvalidConfigError, RunnableLambda } from "rivulet";
import { fromArray, normalizeIds, RunRecorder, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";

describe("fromArray / toArray", () => {
  it("round-trips items in order, with or without a delay", async () => {
    expect(await toArray(fromArray([1, 2, 3]))).toEqual([1, 2, 3]);
    expect(await toArray(fromArray(["a", "b"], { delayMs: 1 }))).toEqual(["a", "b"]);
  });

  it.each([Number.NaN, -1, 2 ** 31, Number.POSITIVE_INFINITY])(
    "fromArray rejects delayMs: %s at the call",
    (delayMs) => {
      expect(() => fromArray([1], { delayMs })).toThrow(InvalidConfigError);
      expect(() => fromArray([1], { delayMs })).toThrow(/^delayMs must be/);
    },
  );

  it("toArray accepts a promise of a stream", async () => {
    expect(await toArray(Promise.resolve(fromArray(["x"])))).toEqual(["x"]);
  });
});

describe("normalizeIds", () => {
  it("replaces UUIDs with placeholders in order of first appearance, keeping the run- prefix", () => {
    const a = "0190a4b2-0000-7000-8000-000000000001";
    const b = "0190a4b2-0000-7000-8000-000000000002";
    expect(normalizeIds({ run_id: b, parent_ids: [a, b], id: `run-${a}`, name: "not-an-id" })).toEqual({
      run_id: "<id:0>",
      parent_ids: ["<id:1>", "<id:0>"],
      id: "run-<id:1>",
      name: "not-an-id",
    });
  });

  it("walks null-prototype objects too (the shared plain-object rule)", () => {
    const record: Record<string, unknown> = Object.create(null);
    record.run_id = "0190a4b2-0000-7000-8000-000000000003";
    expect(normalizeIds({ data: record })).toEqual({ data: { run_id: "<id:0>" } });
  });
});

describe("RunRecorder", () => {
  it("records kind, name, ids and data of each notification, and finds open runs", async () => {
    const rec = new RunRecorder();
    await RunnableLambda.from((x: number) => x + 1, { name: "inc" }).invoke(1, { callbacks: [rec] });
    expect(rec.lines()).toEqual(["start:inc", "end:inc"]);
    expect(rec.entries[0]).toMatchObject({ kind: "start", input: 1, parentIds: [], runType: "chain" });
    expect(rec.entries[1]).toMatchObject({ kind: "end", input: 1, output: 2 });
    expect(rec.entries[0]!.runId).toBe(rec.entries[1]!.runId);
    expect(rec.openRuns()).toEqual([]);
  });

  it("is awaited by default and can opt out", () => {
    expect(new RunRecorder().awaitHandlers).toBe(true);
    expect(new RunRecorder({ awaitHandlers: false }).awaitHandlers).toBe(false);
  });
});
