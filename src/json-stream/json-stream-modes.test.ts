import { describe, expect, it } from "vitest";
import { InvalidConfigError } from "../errors/input-errors.js";
import { JsonStreamParser } from "./json-stream-parser.js";

const COUNTRIES =
  '{"countries": [{"name": "France", "population": 67391582}, {"name": "Spain", "population": 47615034}]}';

function chunksOf(text: string, size: number): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
  return chunks;
}

describe("completeValues", () => {
  it("shows strings and numbers only once complete", () => {
    const parser = new JsonStreamParser({ completeValues: true });
    const seen = [];
    for (const chunk of chunksOf(COUNTRIES, 4)) if (parser.push(chunk)) seen.push(parser.value);
    const france = { name: "France", population: 67391582 };
    expect(seen).toEqual([
      {},
      { countries: [{}] },
      { countries: [{ name: "France" }] },
      // "1582" then "}, {": the number completes in the chunk that opens the next element.
      { countries: [france, {}] },
      { countries: [france, { name: "Spain" }] },
      { countries: [france, { name: "Spain", population: 47615034 }] },
    ]);
    expect(parser.finish()).toEqual(JSON.parse(COUNTRIES));
  });

  it("shows a top-level number at the end of input", () => {
    const parser = new JsonStreamParser({ completeValues: true });
    expect(parser.push("12")).toBe(false);
    expect(parser.value).toBeUndefined();
    expect(parser.finish()).toBe(12);
  });
});

describe("pathEvents", () => {
  it("lists every completed value in completion order, the root last", () => {
    const parser = new JsonStreamParser({ pathEvents: true });
    parser.push('{"a/b": [1, {"c": null}], "d": "x"');
    expect(parser.drainPathEvents()).toEqual([
      { path: ["a/b", 0], value: 1 },
      { path: ["a/b", 1, "c"], value: null },
      { path: ["a/b", 1], value: { c: null } },
      { path: ["a/b"], value: [1, { c: null }] },
      { path: ["d"], value: "x" },
    ]);
    parser.push("}");
    expect(parser.drainPathEvents()).toEqual([{ path: [], value: { "a/b": [1, { c: null }], d: "x" } }]);
    expect(parser.drainPathEvents()).toEqual([]);
  });

  it("needs the option", () => {
    expect(() => new JsonStreamParser().drainPathEvents()).toThrow(InvalidConfigError);
  });
});

describe("diff", () => {
  it("appends to strings, adds keys and elements, replaces growing numbers", () => {
    const parser = new JsonStreamParser({ diff: true });
    const drained = [];
    for (const chunk of ['{"na', 'me": "Fr', "ance", '", "list": [4', "76", ", tr", "ue]}"]) {
      parser.push(chunk);
      drained.push(parser.drainPatch());
    }
    expect(drained).toEqual([
      [{ op: "add", path: "", value: {} }],
      [{ op: "add", path: "/name", value: "Fr" }],
      [{ op: "append", path: "/name", value: "ance" }],
      [
        { op: "add", path: "/list", value: [] },
        { op: "add", path: "/list/0", value: 4 },
      ],
      [{ op: "replace", path: "/list/0", value: 476 }],
      [],
      [{ op: "add", path: "/list/1", value: true }],
    ]);
  });

  it("escapes keys as RFC 6901 pointers", () => {
    const parser = new JsonStreamParser({ diff: true });
    parser.push('{"a/b": {"~1": {"": 0}}}');
    expect(parser.drainPatch().map((op) => op.path)).toEqual(["", "/a~1b", "/a~1b/~01", "/a~1b/~01/"]);
  });

  it("needs the option", () => {
    expect(() => new JsonStreamParser().drainPatch()).toThrow(InvalidConfigError);
  });
});
