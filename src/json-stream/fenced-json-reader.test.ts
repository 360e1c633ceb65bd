import { describe, expect, it } from "vitest";
import { OutputParserError } from "../errors/output-parser-error.js";
import { seededRandom } from "../internal/test-support/seeded-random.js";
import { applyPatch } from "../json-patch/apply-patch.js";
import type { JsonPatchOperation } from "../json-patch/json-patch-operation.js";
import { JsonStreamParser, type JsonStreamParserOptions } from "./json-stream-parser.js";
import type { JsonValue } from "./json-value.js";

/** Feeds `text` cut at every position into two chunks, and as one chunk per character. */
function eachChunking(text: string): string[][] {
  const cuts: string[][] = [[...text]];
  for (let i = 0; i <= text.length; i += 1) cuts.push([text.slice(0, i), text.slice(i)]);
  return cuts;
}

function finishAll(chunks: string[]): JsonValue {
  const parser = new JsonStreamParser();
  for (const chunk of chunks) parser.push(chunk);
  return parser.finish();
}

function finishError(chunks: string[]): OutputParserError {
  const parser = new JsonStreamParser();
  for (const chunk of chunks) expect(() => parser.push(chunk)).not.toThrow();
  try {
    parser.finish();
  } catch (error) {
    if (OutputParserError.isInstance(error)) return error;
    throw error;
  }
  throw new Error("finish() did not throw");
}

describe("Markdown fences", () => {
  it.each([
    ['```json\n{"a": [1, "x"]}\n```', { a: [1, "x"] }],
    ['  \n```\n{"a": 1}\n```\n', { a: 1 }],
    ['```JSON {"a": 1}```', { a: 1 }],
    ['Here is the result:\n```json\n{"a": 1}\n```\nHope it helps.', { a: 1 }],
    ["the answer is ```json\n[true]\n```", [true]],
    ['```json\n{"a": 1}\n', { a: 1 }],
    ['```json\n"text with ``` inside"\n```', "text with ``` inside"],
  ])("reads %j wherever the chunks are cut", (text, expected) => {
    for (const chunks of eachChunking(text)) expect(finishAll(chunks)).toEqual(expected);
  });

  it("shows the partial value inside a fence as it streams", () => {
    const parser = new JsonStreamParser();
    expect(parser.push("``")).toBe(false);
    expect(parser.push("`js")).toBe(false);
    expect(parser.push('on\n{"a": "h')).toBe(true);
    expect(parser.value).toEqual({ a: "h" });
    parser.push('i"}\n`');
    parser.push("``");
    expect(parser.finish()).toEqual({ a: "hi" });
  });

  it.each([
    ["No JSON here at all"],
    ["```json\n"],
    ['```jsn\n{"a": 1}```'],
    ['```json\n{"a": 1} extra\n```'],
    ['{"a": 1}\n```'],
    ['Sure! {"a": 1}'],
  ])("rejects %j at finish", (text) => {
    for (const chunks of eachChunking(text)) expect(finishError(chunks).text).toBe(text);
  });
});

describe("invalid JSON", () => {
  it.each([
    [""],
    ["   "],
    ['{"a": 1'],
    ['{"a": "unterminated'],
    ['{"a": tru'],
    ['{"a": -}'],
    ['{"a": 1.}'],
    ['{"a": 1e+}'],
    ['{"a": 01}'],
    ['{"a" 1}'],
    ["{a: 1}"],
    ['{"a": 1,}'],
    ["[1, 2,]"],
    ['{"a": 1}}'],
    ['{"a": 1} {"b": 2}'],
    ['["a\nb"]'],
    ['["\\x"]'],
    ['["\\u12G4"]'],
    ["[1 2]"],
    ["nul"],
    ["truex"],
  ])("throws OutputParserError with the whole text for %j", (text) => {
    expect(() => JSON.parse(text)).toThrow();
    for (const chunks of eachChunking(text)) {
      const error = finishError(chunks);
      expect(error).toBeInstanceOf(OutputParserError);
      expect(error.code).toBe("output_parser");
      expect(error.text).toBe(text);
    }
  });

  it("keeps the last good value when garbage arrives mid-stream", () => {
    const parser = new JsonStreamParser();
    expect(parser.push('{"a": [1, 2')).toBe(true);
    expect(parser.push("]]]} garbage {{{")).toBe(false);
    expect(parser.push('"more"')).toBe(false);
    expect(parser.value).toEqual({ a: [1, 2] });
    expect(() => parser.finish()).toThrow(OutputParserError);
  });

  it("says where the text went wrong", () => {
    const error = finishError(['{"a": ', "[1, 2}"]);
    expect(error.message).toContain("position 11");
  });
});

/** `text` whole, one character per chunk, cut at every position, and cut in random sizes (1 to 8). */
function everyCut(text: string, seed: number): string[][] {
  const cuts = [[text], ...eachChunking(text)];
  const rng = seededRandom(seed);
  for (let round = 0; round < 50; round += 1) {
    const chunks: string[] = [];
    for (let i = 0; i < text.length; ) {
      const size = 1 + Math.floor(rng() * 8);
      chunks.push(text.slice(i, i + size));
      i += size;
    }
    cuts.push(chunks);
  }
  return cuts;
}

describe("prose that starts like JSON, before a fence", () => {
  // The text is first read as bare JSON; when that fails, it is prose and the first fence holds the JSON.
  it.each([
    ["a number", '1. Here is the JSON:\n```json\n{"a": 1}\n```'],
    ["a literal", 'true story, here it is:\n```json\n{"a": 1}\n```'],
    ["a string", '"Sure", here: ```json\n{"a": 1}\n```'],
    ["a bracket", '[Note] see below\n```json\n{"a": 1}\n```\nDone.'],
    ["a brace", '{see below} ```\n{"a": 1}```'],
    ["an unterminated string", '"Here it is: ```json {"a": 1}```'],
    ["an unclosed container", '[1, 2 and so on\n```json\n{"a": 1}'],
    ["complete JSON, then more", '{"a": 0} is wrong, use ```json\n{"a": 1}\n```'],
    ["a fence split over backtick runs", '1 `` x ` ``\n```json\n{"a": 1}\n```'],
  ])("ignores prose starting with %s, wherever the chunks are cut", (_label, text) => {
    for (const chunks of everyCut(text, text.length)) expect(finishAll(chunks)).toEqual({ a: 1 });
  });

  it("drops the value shown by the tentative read once the fence opens", () => {
    const parser = new JsonStreamParser();
    expect(parser.push("1")).toBe(true);
    expect(parser.value).toBe(1);
    // Not JSON after all: the value shown stays until a fence opens.
    expect(parser.push(". Here")).toBe(false);
    expect(parser.value).toBe(1);
    expect(parser.push(" it is:\n```")).toBe(true);
    expect(parser.value).toBeUndefined();
    expect(parser.push('json\n{"a": ')).toBe(true);
    expect(parser.value).toEqual({});
    parser.push("1}\n```");
    expect(parser.finish()).toEqual({ a: 1 });
  });

  it.each<[string, JsonStreamParserOptions]>([
    ["diff", { diff: true }],
    ["path events", { pathEvents: true }],
  ])("keeps %s consistent across the abandoned read", (_label, options) => {
    const text = '[1, 2] are the numbers:\n```json\n{"a": [3]}\n```';
    for (const chunks of everyCut(text, 7)) {
      const parser = new JsonStreamParser(options);
      let doc: JsonValue | undefined;
      let root: JsonValue | undefined;
      for (const chunk of chunks) {
        parser.push(chunk);
        if (options.pathEvents === true) {
          for (const event of parser.drainPathEvents()) if (event.path.length === 0) root = event.value;
        } else doc = applyPatch(doc, parser.drainPatch() as JsonPatchOperation[]);
      }
      expect(parser.finish()).toEqual({ a: [3] });
      if (options.pathEvents === true) {
        for (const event of parser.drainPathEvents()) if (event.path.length === 0) root = event.value;
        expect(root).toEqual({ a: [3] });
      } else {
        doc = applyPatch(doc, parser.drainPatch() as JsonPatchOperation[]);
        expect(doc).toEqual({ a: [3] });
      }
    }
  });

  it.each([
    ["[Note] there is no JSON here", "Unexpected character 'N' at position 1"],
    ["1. First point", "No number after minus sign, '.' or exponent at position 2"],
    ["true story", "Unexpected non-whitespace character after JSON at position 5"],
    ['"Sure", no fence', "Unexpected non-whitespace character after JSON at position 6"],
    ["[1, 2", "Unexpected end of JSON input"],
    ["nul `` ` ``", "Unexpected character ' ' at position 3"],
  ])("without a fence, %j fails at finish with the bare-JSON error", (text, message) => {
    for (const chunks of everyCut(text, 3)) {
      const error = finishError(chunks);
      expect(error.text).toBe(text);
      expect(error.message).toContain(message);
    }
  });

  it("reports the fenced content's error once a fence was found", () => {
    const error = finishError(['[Note] see:\n```json\n{"a": 1']);
    expect(error.message).toContain("Unexpected end of JSON input");
  });
});
