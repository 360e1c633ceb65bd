import { AIMessageChunk, OutputParserError, RunnableGenerator } from "rivulet";
import { fromArray, RunRecorder, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { applyPatch } from "../json-patch/index.js";
import type { JsonPathEvent, JsonStreamPatchOperation, JsonValue } from "../json-stream/index.js";
import { JsonOutputParser } from "./index.js";

// Split where a chat model's tokens would fall, not at convenient JSON boundaries.
const COUNTRIES = [
  "{",
  '\n  "countries":',
  " [",
  "\n    {",
  '\n      "name": "',
  "France",
  '",\n      "population": 673',
  "91582\n    },",
  '\n    {\n      "name": "',
  "Spain",
  '",\n      "population": 47351567\n    }',
  "\n  ]\n}",
];
const FINAL = {
  countries: [
    { name: "France", population: 67391582 },
    { name: "Spain", population: 47351567 },
  ],
};

describe("JsonOutputParser", () => {
  it("streams the seed's countries sequence, emitting only when the value changed", async () => {
    const chunks = await toArray(new JsonOutputParser().transform(fromArray(COUNTRIES)));
    expect(chunks).toEqual([
      {},
      { countries: [] },
      { countries: [{}] },
      { countries: [{ name: "" }] },
      { countries: [{ name: "France" }] },
      { countries: [{ name: "France", population: 673 }] },
      { countries: [{ name: "France", population: 67391582 }] },
      { countries: [{ name: "France", population: 67391582 }, { name: "" }] },
      { countries: [{ name: "France", population: 67391582 }, { name: "Spain" }] },
      FINAL,
    ]);
  });

  it("emits distinct snapshots that later chunks never mutate", async () => {
    const seen: { chunk: unknown; json: string }[] = [];
    for await (const chunk of new JsonOutputParser().transform(fromArray(COUNTRIES))) {
      seen.push({ chunk, json: JSON.stringify(chunk) });
    }
    expect(new Set(seen.map((s) => s.chunk)).size).toBe(seen.length);
    for (const s of seen) expect(JSON.stringify(s.chunk)).toBe(s.json);
  });

  it("reads message chunks from a model-like step piped in front", async () => {
    const model = RunnableGenerator.from(async function* fakeModel(_: AsyncIterable<string>) {
      for (const c of COUNTRIES) yield new AIMessageChunk({ content: c });
    });
    const chain = model.pipe(new JsonOutputParser());
    const chunks = await toArray(chain.stream("go"));
    expect(chunks).toHaveLength(10);
    expect(chunks.at(-1)).toEqual(FINAL);
    expect(await chain.invoke("go")).toEqual(FINAL);
  });

  it("invoke parses a whole text, a message, or a fenced block", async () => {
    const parser = new JsonOutputParser();
    expect(await parser.invoke(COUNTRIES.join(""))).toEqual(FINAL);
    expect(await parser.invoke(new AIMessageChunk({ content: '{"a": 1}' }))).toEqual({ a: 1 });
    expect(await parser.invoke('Here you go:\n```json\n{"a": [1, 2]}\n```\nAnything else?')).toEqual({
      a: [1, 2],
    });
    const fenced = await toArray(parser.transform(fromArray(["``", '`json\n{"a', '": "x"}\n`', "``"])));
    expect(fenced).toEqual([{}, { a: "x" }]);
  });

  it("ends a streamed run with the final value, not a merge of snapshots, and run type parser", async () => {
    const rec = new RunRecorder();
    await toArray(new JsonOutputParser().transform(fromArray(COUNTRIES), { callbacks: [rec] }));
    const end = rec.entries.find((e) => e.kind === "end");
    expect(end?.runType).toBe("parser");
    expect(end?.name).toBe("JsonOutputParser");
    expect(end?.output).toEqual(FINAL);
    expect(rec.entries.filter((e) => e.kind === "stream")).toHaveLength(10);
  });

  it("fails at the end with an OutputParserError carrying the whole text, never mid-stream", async () => {
    const seen: unknown[] = [];
    const run = async () => {
      for await (const chunk of new JsonOutputParser().transform(fromArray(['{"a": 1', ", oops"])))
        seen.push(chunk);
    };
    const error = await run().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputParserError);
    expect((error as OutputParserError).text).toBe('{"a": 1, oops');
    expect(seen).toEqual([{ a: 1 }]);
    await expect(new JsonOutputParser().invoke("not json")).rejects.toMatchObject({ text: "not json" });
    const safe = await new JsonOutputParser().safeParse("{");
    expect(safe.success).toBe(false);
    expect(await new JsonOutputParser().safeParse("[1]")).toEqual({ success: true, value: [1] });
  });

  it("with completeValues shows no partial strings or numbers", async () => {
    const parser = new JsonOutputParser({ completeValues: true });
    const chunks = await toArray(parser.transform(fromArray(['{"name": "Sp', 'ain", "n": 4', "7}"])));
    expect(chunks).toEqual([{}, { name: "Spain" }, { name: "Spain", n: 47 }]);
  });

  it("in in-place mode streams one object that ends as the final value", async () => {
    const chunks = await toArray(new JsonOutputParser({ mode: "in-place" }).transform(fromArray(COUNTRIES)));
    expect(new Set(chunks).size).toBe(1);
    expect(chunks[0]).toEqual(FINAL);
  });

  it("with pathEvents streams each completed value with its path, the root last", async () => {
    const rec = new RunRecorder();
    const parser = new JsonOutputParser({ pathEvents: true });
    const events: JsonPathEvent[] = await toArray(
      parser.transform(fromArray(COUNTRIES), { callbacks: [rec] }),
    );
    expect(events.slice(0, 3)).toEqual([
      { path: ["countries", 0, "name"], value: "France" },
      { path: ["countries", 0, "population"], value: 67391582 },
      { path: ["countries", 0], value: FINAL.countries[0] },
    ]);
    expect(events.at(-1)).toEqual({ path: [], value: FINAL });
    expect(rec.entries.find((e) => e.kind === "end")?.output).toEqual(FINAL);
  });

  it("with diff streams patch ops (append for string growth) that rebuild the value", async () => {
    const rec = new RunRecorder();
    const parser = new JsonOutputParser({ diff: true });
    const batches: JsonStreamPatchOperation[][] = await toArray(
      parser.transform(fromArray(COUNTRIES), { callbacks: [rec] }),
    );
    let doc: JsonValue | undefined;
    for (const ops of batches) doc = applyPatch(doc, ops as Parameters<typeof applyPatch>[1]);
    expect(doc).toEqual(FINAL);
    expect(batches.flat()).toContainEqual({ op: "append", path: "/countries/0/name", value: "France" });
    expect(rec.entries.find((e) => e.kind === "end")?.output).toEqual(FINAL);
    // The streamed batches are not mutated by the run's own aggregation.
    expect(batches[0]).toEqual([{ op: "add", path: "", value: {} }]);
  });

  it("rejects diff and pathEvents together, and gives format instructions", () => {
    expect(() => new JsonOutputParser({ diff: true, pathEvents: true })).toThrow(/one of/);
    expect(new JsonOutputParser().getFormatInstructions()).toMatch(/JSON/);
    expect(new JsonOutputParser({ name: "countries" }).getName()).toBe("countries");
  });
});
