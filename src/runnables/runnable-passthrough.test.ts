import {
  RunnableGenerator,
  RunnableLambda,
  RunnableParallel,
  RunnablePassthrough,
  RunnableSequence,
} from "rivulet";
import { fromArray, RunRecorder, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";

type Doc = Record<string, unknown>;

/** Emits an object input as several partial chunks, one key per chunk. */
const splitKeys = RunnableGenerator.from(async function* splitKeys(input: AsyncIterable<Doc>) {
  for await (const doc of input) for (const [k, v] of Object.entries(doc)) yield { [k]: v };
});

describe("RunnablePassthrough", () => {
  it("returns its input unchanged", async () => {
    const input = { question: "why?" };
    expect(await new RunnablePassthrough().invoke(input)).toBe(input);
  });

  it("passes a streamed input on chunk by chunk", async () => {
    expect(await toArray(new RunnablePassthrough<string>().transform(fromArray(["a", "b", "c"])))).toEqual([
      "a",
      "b",
      "c",
    ]);
  });

  it("calls func with the whole (aggregated) input for side effects", async () => {
    const seen: string[] = [];
    const tap = new RunnablePassthrough<string>({ func: (s) => void seen.push(s) });
    expect(await toArray(tap.transform(fromArray(["a", "b"])))).toEqual(["a", "b"]);
    expect(await tap.invoke("whole")).toBe("whole");
    expect(seen).toEqual(["ab", "whole"]);
  });

  it("keeps the question next to a computed context in a map", async () => {
    const map = RunnableParallel.from({
      context: (q: string) => `docs about ${q}`,
      question: new RunnablePassthrough(),
    });
    expect(await map.invoke("otters")).toEqual({ context: "docs about otters", question: "otters" });
  });
});

describe("RunnablePassthrough.assign", () => {
  it("adds the mapping's outputs to the input object", async () => {
    const withLength = RunnablePassthrough.assign({ length: (x: { text: string }) => x.text.length });
    expect(await withLength.invoke({ text: "hello" })).toEqual({ text: "hello", length: 5 });
  });

  it("streams the input's own keys and the new keys, which aggregate to the full object", async () => {
    const rec = new RunRecorder();
    const chain = RunnableSequence.from([
      splitKeys,
      RunnablePassthrough.assign({ both: (x: Doc) => `${String(x.a)}+${String(x.b)}` }),
    ]);
    const chunks = await toArray(chain.stream({ a: "1", b: "2" }, { callbacks: [rec] }));
    expect(chunks).toContainEqual({ a: "1" });
    expect(chunks).toContainEqual({ b: "2" });
    expect(chunks).toContainEqual({ both: "1+2" });
    expect(chunks).toHaveLength(3);
    const rootEnd = rec.entries.at(-1)!;
    expect(rootEnd.kind).toBe("end");
    expect(rootEnd.output).toEqual({ a: "1", b: "2", both: "1+2" });
  });

  it("lets an assigned key override an input key of the same name", async () => {
    const assign = RunnablePassthrough.assign({ a: () => "new" });
    expect(await assign.invoke({ a: "old", b: "kept" })).toEqual({ a: "new", b: "kept" });
    expect(await toArray(assign.stream({ a: "old", b: "kept" }))).not.toContainEqual({ a: "old" });
  });
});

describe("RunnablePassthrough.pick", () => {
  it("picks one key's value", async () => {
    expect(await RunnablePassthrough.pick("q").invoke({ q: "why?", other: 1 })).toBe("why?");
  });

  it("picks several keys into an object", async () => {
    expect(await RunnablePassthrough.pick(["a", "b"]).invoke({ a: 1, b: 2, c: 3 })).toEqual({ a: 1, b: 2 });
  });

  it("streams only the chunks that carry the picked keys", async () => {
    const chain = RunnableSequence.from([splitKeys, RunnablePassthrough.pick(["a", "c"])]);
    expect(await toArray(chain.stream({ a: 1, b: 2, c: 3 }))).toEqual([{ a: 1 }, { c: 3 }]);
    const single = RunnableSequence.from([splitKeys, RunnablePassthrough.pick("b")]);
    expect(await toArray(single.stream({ a: 1, b: 2, c: 3 }))).toEqual([2]);
  });

  it("works after a lambda step", async () => {
    const chain = RunnableLambda.from((n: number) => ({ n, sq: n * n })).pipe(RunnablePassthrough.pick("sq"));
    expect(await chain.invoke(3)).toBe(9);
  });
});
