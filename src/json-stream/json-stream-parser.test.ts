import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../errors/input-errors.js";
import { OutputParserError } from "../errors/output-parser-error.js";
import { JsonStreamParser, type JsonStreamParserOptions } from "./json-stream-parser.js";
import type { JsonValue } from "./json-value.js";

const COUNTRIES =
  '{"countries": [{"name": "France", "population": 67391582}, {"name": "Spain", "population": 47615034}]}';

function chunksOf(text: string, size: number): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
  return chunks;
}

/** The values a caller emitting only on change would see. */
function emissions(chunks: string[], options: JsonStreamParserOptions = {}): (JsonValue | undefined)[] {
  const parser = new JsonStreamParser(options);
  const seen: (JsonValue | undefined)[] = [];
  for (const chunk of chunks) if (parser.push(chunk)) seen.push(parser.value);
  return seen;
}

describe("JsonStreamParser emission sequence", () => {
  it("emits the countries example in 4-character chunks, only on change", () => {
    const france = { name: "France", population: 67391582 };
    expect(emissions(chunksOf(COUNTRIES, 4))).toEqual([
      {},
      { countries: [{}] },
      { countries: [{ name: "Fra" }] },
      { countries: [{ name: "France" }] },
      { countries: [{ name: "France", population: 6739 }] },
      { countries: [france] },
      { countries: [france, {}] },
      { countries: [france, { name: "Spa" }] },
      { countries: [france, { name: "Spain" }] },
      { countries: [france, { name: "Spain", population: 4 }] },
      { countries: [france, { name: "Spain", population: 47615 }] },
      { countries: [france, { name: "Spain", population: 47615034 }] },
    ]);
  });

  it("emits the countries example chunked like a model", () => {
    const chunks = [
      "{",
      '\n  "countries":',
      ' [\n    {\n      "name": "',
      'France",\n      "',
      'population": 67',
      '391582\n    },\n    {\n      "name": "',
      "Sp",
      'ain",\n      "population": 47615',
      "034\n    }\n  ]\n}",
    ];
    const france = { name: "France", population: 67391582 };
    expect(emissions(chunks)).toEqual([
      {},
      { countries: [{ name: "" }] },
      { countries: [{ name: "France" }] },
      { countries: [{ name: "France", population: 67 }] },
      { countries: [france, { name: "" }] },
      { countries: [france, { name: "Sp" }] },
      { countries: [france, { name: "Spain", population: 47615 }] },
      { countries: [france, { name: "Spain", population: 47615034 }] },
    ]);
  });

  it("emits every intermediate value when fed one character at a time", () => {
    const seen = emissions([...'{"a": [{"b": "xy"}]}']);
    expect(seen).toEqual([
      {},
      { a: [] },
      { a: [{}] },
      { a: [{ b: "" }] },
      { a: [{ b: "x" }] },
      { a: [{ b: "xy" }] },
    ]);
  });

  it("shows a key only once its value has begun", () => {
    const parser = new JsonStreamParser();
    expect(parser.push('{"name')).toBe(true);
    expect(parser.value).toEqual({});
    expect(parser.push('":')).toBe(false);
    expect(parser.push(" ")).toBe(false);
    expect(parser.push('"')).toBe(true);
    expect(parser.value).toEqual({ name: "" });
    expect(parser.push("Fr")).toBe(true);
    expect(parser.value).toEqual({ name: "Fr" });
  });

  it("shows numbers as their longest valid prefix", () => {
    expect(emissions(["[-", "1", ".", "5", "e", "-", "2", "]"])).toEqual([[], [-1], [-1.5], [-0.015]]);
    expect(emissions(['{"n": -'])).toEqual([{}]);
    expect(emissions(['{"n": 1.'])).toEqual([{ n: 1 }]);
    expect(emissions(['{"n": 1e'])).toEqual([{ n: 1 }]);
    expect(emissions(['{"n": 0', ".", "0", "0", "7"])).toEqual([{ n: 0 }, { n: 0.007 }]);
    expect(emissions(["[1", "0", "0", ", 2E", "+", "3]"])).toEqual([[1], [10], [100], [100, 2], [100, 2000]]);
  });

  it("shows true, false and null only when complete", () => {
    expect(emissions(['{"a": t', "ru", "e, ", '"b": fa', "lse", ', "c": nul', "l}"])).toEqual([
      {},
      { a: true },
      { a: true, b: false },
      { a: true, b: false, c: null },
    ]);
  });

  it("accepts top-level scalars", () => {
    expect(emissions(['"ab', 'c"'])).toEqual(["ab", "abc"]);
    const number = new JsonStreamParser();
    number.push("4");
    number.push("2");
    expect(number.finish()).toBe(42);
    const literal = new JsonStreamParser();
    literal.push(" null ");
    expect(literal.finish()).toBeNull();
  });

  it("accepts whitespace between every token", () => {
    const text = ' \n\t{ "a" :\r\n [ 1 , true ,\n"x" ] , "b" : { } }\n ';
    const parser = new JsonStreamParser();
    for (const chunk of chunksOf(text, 3)) parser.push(chunk);
    expect(parser.finish()).toEqual(JSON.parse(text));
  });
});

describe("JsonStreamParser lifecycle", () => {
  it("returns the same final value from every finish() call and refuses more input", () => {
    const parser = new JsonStreamParser();
    parser.push('{"a": 1}');
    const final = parser.finish();
    expect(parser.finish()).toBe(final);
    expect(() => parser.push("x")).toThrow(InvalidInputError);
  });

  it("throws the same OutputParserError from every finish() call on invalid text", () => {
    const parser = new JsonStreamParser();
    parser.push('{"a": ');
    expect(() => parser.finish()).toThrow(OutputParserError);
    expect(() => parser.finish()).toThrow(/Unexpected end of JSON input/);
  });
});

describe("JsonStreamParser strings", () => {
  it("decodes every escape and hides a partial escape until complete", () => {
    const seen = emissions(['["a\\', 'n\\"\\\\\\/\\b\\f\\r\\t', "\\u00", "e9", '"]']);
    expect(seen).toEqual([["a"], ['a\n"\\/\b\f\r\t'], ['a\n"\\/\b\f\r\té']]);
  });

  it("joins an escaped surrogate pair split across chunks", () => {
    const parser = new JsonStreamParser();
    parser.push('["x\\ud83d');
    expect(parser.value).toEqual(["x"]);
    parser.push("\\ude00");
    expect(parser.value).toEqual(["x😀"]);
    parser.push('"]');
    expect(parser.finish()).toEqual(["x😀"]);
  });

  it("holds a raw high surrogate cut by a chunk boundary", () => {
    const text = '{"e": "ok 😀 done"}';
    const cut = text.indexOf("😀") + 1;
    const parser = new JsonStreamParser();
    parser.push(text.slice(0, cut));
    expect(parser.value).toEqual({ e: "ok " });
    parser.push(text.slice(cut));
    expect(parser.finish()).toEqual({ e: "ok 😀 done" });
  });

  it("passes CJK text through", () => {
    const text = '{"城市": "東京", "説明": "日本の首都"}';
    expect(emissions(chunksOf(text, 3))).toEqual([
      {},
      { 城市: "東" },
      { 城市: "東京" },
      { 城市: "東京", 説明: "日" },
      { 城市: "東京", 説明: "日本の首" },
      { 城市: "東京", 説明: "日本の首都" },
    ]);
  });

  it("keeps a __proto__ key as an own property", () => {
    const parser = new JsonStreamParser();
    parser.push('{"__proto__": {"x": 1}, "a": [1]}');
    const value = parser.finish() as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(value).toEqual(JSON.parse('{"__proto__": {"x": 1}, "a": [1]}'));
  });
});

describe("JsonStreamParser snapshots", () => {
  it("never mutates a value it handed out and shares unchanged subtrees", () => {
    const parser = new JsonStreamParser();
    parser.push('{"done": {"x": [1, 2]}, "list": ["a", "b');
    const first = parser.value as { done: JsonValue; list: string[] };
    parser.push('c", "d"');
    const second = parser.value as { done: JsonValue; list: string[] };
    expect(first).toEqual({ done: { x: [1, 2] }, list: ["a", "b"] });
    expect(second).toEqual({ done: { x: [1, 2] }, list: ["a", "bc", "d"] });
    expect(second).not.toBe(first);
    expect(second.done).toBe(first.done);
  });

  it("shares completed array elements between consecutive snapshots", () => {
    const parser = new JsonStreamParser();
    parser.push('[{"n": 1}, {"n": 2}, "gro');
    const first = parser.value as JsonValue[];
    parser.push("wing");
    const second = parser.value as JsonValue[];
    expect(second).toEqual([{ n: 1 }, { n: 2 }, "growing"]);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).toBe(first[1]);
  });

  it("updates one object in place in in-place mode", () => {
    const parser = new JsonStreamParser({ mode: "in-place" });
    parser.push('{"a": [1');
    const first = parser.value;
    parser.push(", 2]}");
    expect(parser.value).toBe(first);
    expect(first).toEqual({ a: [1, 2] });
  });
});
