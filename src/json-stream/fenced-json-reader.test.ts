import { describe, expect, it } from "vitest";
import { OutputParserError } from "../errors/output-parser-error.js";
import { JsonStreamParser } from "./json-stream-parser.js";
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
