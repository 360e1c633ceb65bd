import { isDeepStrictEqual } from "node:util";
import { parsePartialJson as langchainParsePartialJson } from "@langchain/core/output_parsers";
import { describe, expect, it } from "vitest";
import { OutputParserError } from "../errors/output-parser-error.js";
import { seededRandom } from "../internal/test-support/seeded-random.js";
import { parsePartialJson } from "./parse-partial-json.js";
import { safeParsePartialJson } from "./safe-parse-partial-json.js";
import { strictParsePartialJson } from "./strict-parse-partial-json.js";

describe("parsePartialJson (LangChain's completion rules)", () => {
  it.each([
    ["{", {}],
    ['{"name', {}],
    ['{"name"', {}],
    ['{"name":', {}],
    ['{"name": "', { name: "" }],
    ['{"name": "Fr', { name: "Fr" }],
    ['{"a": [1, 2', { a: [1, 2] }],
    ['{"a": 1,', { a: 1 }],
    ["[1, ", [1]],
    ["[t", [true]],
    ["[tru", [true]],
    ["[n", [null]],
    ['{"ok": fa', { ok: false }],
    ["f", false],
    ["-", -0],
    ['{"a": -', { a: -0 }],
    ['{"a": 12.', { a: 12 }],
    ["[1e", [1]],
    ["[2.5E+", [2.5]],
    ['"abc', "abc"],
    ['"ab\\', "ab\\"],
    ['"ab\\u00', "abu00"],
    ['"ab\\u', "abu"],
    ['"\\ud83d', "\ud83d"],
    ['"x\ny', "x\ny"],
    ['{"location": "Paris", "unit": "cel', { location: "Paris", unit: "cel" }],
    ['  {"a": 1}  ', { a: 1 }],
    ["[tr   ", [true]],
    ["[", []],
  ])("%j gives %j", (text, expected) => {
    expect(parsePartialJson(text)).toEqual(expected);
    expect(Object.is(parsePartialJson("-"), -0)).toBe(true);
  });

  it.each(["", "   ", "{]", '{"a": 1} x', "[1,]", '{"a": 1,}', "[tx", "01", '"\\x', "{a: 1}"])(
    "%j cannot be read: null",
    (text) => {
      expect(parsePartialJson(text)).toBeNull();
      expect(langchainParsePartialJson(text)).toBeNull();
    },
  );

  it("keeps a __proto__ key as an ordinary member", () => {
    const value = parsePartialJson('{"__proto__": {"x": 1}, "b": "');
    expect(Object.keys(value ?? {})).toEqual(["__proto__", "b"]);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });
});

describe("strictParsePartialJson and safeParsePartialJson", () => {
  it("return the completed value for readable text", () => {
    expect(strictParsePartialJson('[1, {"a": "b')).toEqual([1, { a: "b" }]);
    expect(strictParsePartialJson("null")).toBeNull();
    expect(safeParsePartialJson("[n")).toEqual({ success: true, value: [null] });
  });

  it("throw (or report) an OutputParserError that carries the text and names the problem", () => {
    const text = '  {"a" 1}';
    expect(() => strictParsePartialJson(text)).toThrow(OutputParserError);
    const result = safeParsePartialJson(text);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(OutputParserError.isInstance(result.error)).toBe(true);
    expect(result.error.text).toBe(text);
    expect(result.error.message).toContain("Expected ':' after property name");
    expect(result.error.message).toContain("position 7");
    expect(safeParsePartialJson("").error?.message).toContain("the text is empty");
    expect(safeParsePartialJson("[1] [2]").error?.message).toContain("after the JSON value: '[2]'");
  });
});

// ---- differential test: every prefix of random JSON, against @langchain/core itself ---------

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const PIECES = ["a", " ", "\\n", '\\"', "\\\\", "\\/", "\\u00e9", "\\uD83D\\uDE00", "é", "😀", "\\t", "7"];
const SPACES = ["", "", "", " ", "\n  ", "\t"];

function writeValue(rng: Rng, depth: number): string {
  const roll = rng();
  const space = () => pick(rng, SPACES);
  if (depth < 3 && roll < 0.25) {
    const members = Array.from(
      { length: Math.floor(rng() * 4) },
      () =>
        `${space()}"${pick(rng, ["a", "key", "日本", "x\\ny"])}"${space()}:${space()}${writeValue(rng, depth + 1)}`,
    );
    return `{${members.join(",")}${space()}}`;
  }
  if (depth < 3 && roll < 0.45) {
    const items = Array.from({ length: Math.floor(rng() * 4) }, () => space() + writeValue(rng, depth + 1));
    return `[${items.join(",")}${space()}]`;
  }
  if (roll < 0.65)
    return `"${Array.from({ length: Math.floor(rng() * 5) }, () => pick(rng, PIECES)).join("")}"`;
  if (roll < 0.85) {
    return (
      pick(rng, ["-", ""]) +
      pick(rng, ["0", "7", "42", "1234"]) +
      pick(rng, ["", ".5", ".25"]) +
      pick(rng, ["", "e7", "E-2", "e+10"])
    );
  }
  return pick(rng, ["true", "false", "null"]);
}

function sameValue(ours: unknown, theirs: unknown): boolean {
  return isDeepStrictEqual(ours, theirs);
}

describe("parsePartialJson agrees with @langchain/core's on every prefix", () => {
  it("of 300 random JSON documents (and of a few with raw newlines in strings)", () => {
    const rng = seededRandom(13_06);
    const documents = Array.from({ length: 300 }, () => writeValue(rng, 0));
    documents.push('{"poem": "roses\nare\tred", "n": [1, 2]}', '["a\nb", "c\rd"]');
    let compared = 0;
    const disagreements: string[] = [];
    for (const document of documents) {
      for (let end = 1; end <= document.length; end += 1) {
        const prefix = document.slice(0, end);
        compared += 1;
        if (!sameValue(parsePartialJson(prefix), langchainParsePartialJson(prefix)))
          disagreements.push(prefix);
      }
    }
    expect(compared).toBeGreaterThan(5_000);
    expect(disagreements.slice(0, 5)).toEqual([]);
  });

  it("documents where it reads less than LangChain: malformed numbers and non-JSON whitespace inside", () => {
    // LangChain's fallback reader accepts these although JSON.parse does not; we reject them.
    for (const text of ["[-, 1]", "[1., 2]", "[-.5]", "[1,\u00a02]"]) {
      expect(langchainParsePartialJson(text)).not.toBeNull();
      expect(parsePartialJson(text)).toBeNull();
    }
  });
});
