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

  it("gives @langchain/core's format instructions, word for word, with the schema's JSON Schema", () => {
    const answer = z.object({
      answer: z.string().describe("the answer"),
      source: z.string().optional(),
      n: z.number().int(),
    });
    // What @langchain/core 1.4's StructuredOutputParser.fromZodSchema(answer).getFormatInstructions() returns.
    const expected =
      'You must format your output as a JSON value that adheres to a given "JSON Schema" instance.\n\n"JSON Schema" is a declarative language that allows you to annotate and validate JSON documents.\n\nFor example, the example "JSON Schema" instance {{"properties": {{"foo": {{"description": "a list of test words", "type": "array", "items": {{"type": "string"}}}}}}, "required": ["foo"]}}\nwould match an object with one required property, "foo". The "type" property specifies "foo" must be an "array", and the "description" property semantically describes it as "a list of test words". The items within "foo" must be strings.\nThus, the object {{"foo": ["bar", "baz"]}} is a well-formatted instance of this example "JSON Schema". The object {{"properties": {{"foo": ["bar", "baz"]}}}} is not well-formatted.\n\nYour output will be parsed and type-checked according to the provided schema instance, so make sure all fields in your output match the schema exactly and there are no trailing commas!\n\nHere is the JSON Schema instance your output must adhere to. Include the enclosing markdown codeblock:\n```json\n{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","properties":{"answer":{"type":"string","description":"the answer"},"source":{"type":"string"},"n":{"type":"integer","minimum":-9007199254740991,"maximum":9007199254740991}},"required":["answer","n"],"additionalProperties":false}\n```\n';
    expect(StructuredOutputParser.fromZodSchema(answer).getFormatInstructions()).toBe(expected);
  });

  it("accepts raw newlines and tabs inside JSON strings, whole or streamed, fenced or not", async () => {
    const parser = StructuredOutputParser.fromZodSchema(z.object({ answer: z.string(), n: z.number() }));
    // @langchain/core 1.4 parses the first three (it escapes raw newlines in strings).
    expect(await parser.parse('{"answer": "line1\nline2", "n": 1}')).toEqual({
      answer: "line1\nline2",
      n: 1,
    });
    expect(await parser.parse('```json\n{"answer": "a\nb",\n "n": 2}\n```')).toEqual({
      answer: "a\nb",
      n: 2,
    });
    expect(await parser.parse('Here:\n```json\n{"answer": "x\n", "n": 3}\n```')).toEqual({
      answer: "x\n",
      n: 3,
    });
    expect(await parser.parse('{"answer": "tab\there\r\u0001", "n": 4}')).toEqual({
      answer: "tab\there\r\u0001",
      n: 4,
    });
    const chunks = ['{"answer": "roses\n', "are\nred", '", "n": 5}'];
    const out = await toArray(parser.transform(fromArray(chunks)));
    expect(out).toEqual([
      { answer: "roses\n" },
      { answer: "roses\nare\nred" },
      { answer: "roses\nare\nred", n: 5 },
    ]);
    // An odd quote in prose before the JSON still reads the JSON (the text is read as written).
    const prose = 'A 5" screen:\n```json\n{\n  "answer": "ok",\n  "n": 6\n}\n```';
    expect(await parser.parse(prose)).toEqual({ answer: "ok", n: 6 });
    expect((await toArray(parser.transform(fromArray([prose.slice(0, 9), prose.slice(9)])))).at(-1)).toEqual({
      answer: "ok",
      n: 6,
    });
    const error = await parser.parse('{"answer": "x\n').catch((e: unknown) => e);
    expect(OutputParserError.isInstance(error) && error.text).toBe('{"answer": "x\n');
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
