import { AIMessageChunk, OutputParserError } from "rivulet";
import { fromArray, RunRecorder, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { StructuredOutputParser } from "./index.js";

const schema = z.object({
  countries: z.array(z.object({ name: z.string(), population: z.number() })),
});
const TEXT = '```json\n{"countries": [{"name": "France", "population": 67391582}]}\n```';

describe("StructuredOutputParser", () => {
  it("streams partial snapshots and ends with the validated value", async () => {
    const rec = new RunRecorder();
    const parser = StructuredOutputParser.fromZodSchema(schema);
    const chunks = ['{"countries": [{"name": "Fr', 'ance", "population": 67391582}]}'];
    const out = await toArray(parser.transform(fromArray(chunks), { callbacks: [rec] }));
    expect(out).toEqual([
      { countries: [{ name: "Fr" }] },
      { countries: [{ name: "France", population: 67391582 }] },
    ]);
    const end = rec.entries.find((e) => e.kind === "end");
    expect(end?.runType).toBe("parser");
    expect(end?.output).toEqual({ countries: [{ name: "France", population: 67391582 }] });
    expect(await parser.invoke(new AIMessageChunk(TEXT))).toEqual({
      countries: [{ name: "France", population: 67391582 }],
    });
  });

  it("yields the validated value last when validation changes it (defaults)", async () => {
    const parser = StructuredOutputParser.fromSchema(z.object({ a: z.number(), b: z.string().default("x") }));
    expect(await toArray(parser.transform(fromArray(["{", '"a": 1', "}"])))).toEqual([
      {},
      { a: 1 },
      { a: 1, b: "x" },
    ]);
  });

  it("fails with an OutputParserError listing each issue with its path and carrying the text", async () => {
    const parser = StructuredOutputParser.fromZodSchema(schema);
    const text = '{"countries": [{"name": 1, "population": "many"}]}';
    const error = await toArray(parser.transform(fromArray([text.slice(0, 20), text.slice(20)]))).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(OutputParserError);
    const e = error as OutputParserError;
    expect(e.text).toBe(text);
    expect(e.message).toMatch(/countries\[0\]\.name: /);
    expect(e.message).toMatch(/countries\[0\]\.population: /);
    const safe = await parser.safeParse(text);
    expect(safe.success).toBe(false);
    if (!safe.success) expect(safe.error.text).toBe(text);
    await expect(parser.invoke("{")).rejects.toBeInstanceOf(OutputParserError);
  });

  it("puts the schema's JSON Schema (or a given one) in the format instructions", () => {
    const fromZod = StructuredOutputParser.fromZodSchema(schema).getFormatInstructions();
    expect(fromZod).toContain('"countries"');
    const given = StructuredOutputParser.fromZodSchema(schema, { jsonSchema: { title: "Mine" } });
    expect(given.getFormatInstructions()).toContain('{"title":"Mine"}');
  });

  it("works with any Standard Schema, sync or async", async () => {
    const positive = {
      "~standard": {
        version: 1 as const,
        vendor: "hand-made",
        validate: async (value: unknown) =>
          typeof value === "number" && value > 0 ? { value } : { issues: [{ message: "must be positive" }] },
        types: undefined as { input: unknown; output: number } | undefined,
      },
    };
    const parser = StructuredOutputParser.fromSchema(positive);
    expect(await parser.invoke("5")).toBe(5);
    await expect(parser.invoke("-1")).rejects.toThrow(/\(root\): must be positive/);
    expect(parser.getFormatInstructions()).toMatch(/JSON/);
  });
});
