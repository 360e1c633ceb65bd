import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../errors/input-errors.js";
import { applyPatch } from "./apply-patch.js";
import { formatJsonPointer } from "./format-json-pointer.js";
import { parseJsonPointer } from "./parse-json-pointer.js";

// The example document of RFC 6901 §5, and what each pointer there evaluates to.
const document = {
  foo: ["bar", "baz"],
  "": 0,
  "a/b": 1,
  "c%d": 2,
  "e^f": 3,
  "g|h": 4,
  "i\\j": 5,
  'k"l': 6,
  " ": 7,
  "m~n": 8,
};

const examples: [pointer: string, tokens: string[], value: unknown][] = [
  ["", [], document],
  ["/foo", ["foo"], ["bar", "baz"]],
  ["/foo/0", ["foo", "0"], "bar"],
  ["/", [""], 0],
  ["/a~1b", ["a/b"], 1],
  ["/c%d", ["c%d"], 2],
  ["/e^f", ["e^f"], 3],
  ["/g|h", ["g|h"], 4],
  ["/i\\j", ["i\\j"], 5],
  ['/k"l', ['k"l'], 6],
  ["/ ", [" "], 7],
  ["/m~0n", ["m~n"], 8],
];

describe("parseJsonPointer (RFC 6901 §5)", () => {
  it.each(examples)("parses %j", (pointer, tokens, value) => {
    expect(parseJsonPointer(pointer)).toEqual(tokens);
    // The pointer resolves to the RFC's value in the example document.
    expect(() => applyPatch(document, [{ op: "test", path: pointer, value }])).not.toThrow();
  });

  it("unescapes ~01 to ~1 (the ~1 is not read again)", () => {
    expect(parseJsonPointer("/~01")).toEqual(["~1"]);
    expect(parseJsonPointer("/~10")).toEqual(["/0"]);
  });

  it("keeps empty tokens", () => {
    expect(parseJsonPointer("//a/")).toEqual(["", "a", ""]);
  });

  it("rejects a pointer without a leading slash or with a bad escape", () => {
    expect(() => parseJsonPointer("foo")).toThrow(InvalidInputError);
    expect(() => parseJsonPointer("/a~2")).toThrow(/~/);
    expect(() => parseJsonPointer("/a~")).toThrow(InvalidInputError);
  });
});

describe("formatJsonPointer", () => {
  it.each(examples)("formats the tokens of %j back", (pointer, tokens) => {
    expect(formatJsonPointer(tokens)).toBe(pointer);
  });

  it("escapes ~ before /, and writes numbers as indices", () => {
    expect(formatJsonPointer(["~1"])).toBe("/~01");
    expect(formatJsonPointer(["logs", "a/b~", 0, "-"])).toBe("/logs/a~1b~0/0/-");
    expect(parseJsonPointer(formatJsonPointer(["x/~y", "~0"]))).toEqual(["x/~y", "~0"]);
  });
});
