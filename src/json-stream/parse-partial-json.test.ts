import { describe, expect, it } from "vitest";
import { parsePartialJson } from "./parse-partial-json.js";

describe("parsePartialJson", () => {
  it.each([
    ["", undefined],
    ["  ", undefined],
    ["{", {}],
    ['{"name', {}],
    ['{"name":', {}],
    ['{"name": "', { name: "" }],
    ['{"name": "Fr', { name: "Fr" }],
    ['{"a": [1, 2', { a: [1, 2] }],
    ['{"a": -', {}],
    ['{"a": 12.', { a: 12 }],
    ['{"a": fal', {}],
    ['{"location": "Paris", "unit": "cel', { location: "Paris", unit: "cel" }],
    ['{"a": 1}', { a: 1 }],
    ["[", []],
    ['"abc', "abc"],
  ])("%j gives %j", (text, expected) => {
    expect(parsePartialJson(text)).toEqual(expected);
  });

  it("returns the value read before invalid text instead of throwing", () => {
    expect(parsePartialJson('{"a": 1, ]')).toEqual({ a: 1 });
  });
});
