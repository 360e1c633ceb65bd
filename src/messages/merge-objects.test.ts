import { describe, expect, it } from "vitest";
import { mergeArrays, mergeObjects } from "./merge-objects.js";

describe("mergeObjects", () => {
  it("joins strings, adds numbers and merges nested objects", () => {
    const left = { function_call: { name: "f", arguments: '{"a"' }, count: 1, nested: { deep: { x: "a" } } };
    const right = { function_call: { arguments: ":1}" }, count: 2, nested: { deep: { x: "b", y: 3 } } };
    expect(mergeObjects(left, right)).toEqual({
      function_call: { name: "f", arguments: '{"a":1}' },
      count: 3,
      nested: { deep: { x: "ab", y: 3 } },
    });
  });

  it("keeps the first non-empty id, name, type and model name instead of joining them", () => {
    const left = { id: "call_1", name: "search", type: "function", model_name: "gpt-4o", index: 0 };
    const right = { id: "call_1", name: "search", type: "function", model_name: "gpt-4o", index: 0 };
    expect(mergeObjects(left, right)).toEqual(left);
    expect(mergeObjects({ id: "", name: "" }, { id: "x", name: "n" })).toEqual({ id: "x", name: "n" });
  });

  it("takes values missing on the left, and ignores null and undefined on the right", () => {
    expect(mergeObjects({ a: "x" }, { a: null, b: undefined, c: "y" })).toEqual({ a: "x", c: "y" });
    expect(mergeObjects({ a: null }, { a: "late" })).toEqual({ a: "late" });
    expect(mergeObjects({}, { a: null })).toEqual({ a: null });
  });

  it("lets the later value win for values that cannot merge", () => {
    expect(mergeObjects({ done: false, mixed: "a" }, { done: true, mixed: 1 })).toEqual({
      done: true,
      mixed: 1,
    });
  });

  it("merges arrays of indexed objects by index and concatenates the rest", () => {
    const left = { tool_calls: [{ index: 0, id: "a", function: { arguments: '{"q"' } }], tags: ["x"] };
    const right = {
      tool_calls: [
        { index: 0, function: { arguments: ':"r"}' } },
        { index: 1, id: "b" },
      ],
      tags: ["y"],
    };
    expect(mergeObjects(left, right)).toEqual({
      tool_calls: [
        { index: 0, id: "a", function: { arguments: '{"q":"r"}' } },
        { index: 1, id: "b" },
      ],
      tags: ["x", "y"],
    });
  });

  it("does not change either operand", () => {
    const left = { a: { b: "x" }, list: [{ index: 0, t: "a" }] };
    const right = { a: { b: "y" }, list: [{ index: 0, t: "b" }] };
    const snapshot = structuredClone({ left, right });
    mergeObjects(left, right);
    expect({ left, right }).toEqual(snapshot);
  });
});

describe("mergeArrays", () => {
  it("keeps two items with the same index apart when their ids differ", () => {
    expect(mergeArrays([{ index: 0, id: "a", t: "1" }], [{ index: 0, id: "b", t: "2" }])).toEqual([
      { index: 0, id: "a", t: "1" },
      { index: 0, id: "b", t: "2" },
    ]);
  });
});

describe("mergeObjects: copies as a spread would", () => {
  it("keeps an own __proto__ key of parsed JSON as a key, never as the prototype", () => {
    const left = JSON.parse('{"__proto__": {"polluted": "yes"}, "a": "x"}') as Record<string, unknown>;
    const merged = mergeObjects(left, { a: "y", b: 1 });
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(Object.hasOwn(merged, "__proto__")).toBe(true);
    expect(merged.polluted).toBeUndefined();
    expect(merged).toMatchObject({ a: "xy", b: 1 });
  });

  it("merges own keys only, in order, and leaves both operands unchanged", () => {
    const right = Object.assign(Object.create({ inherited: "no" }) as Record<string, unknown>, {
      z: "1",
      a: "2",
    });
    const left = { a: "0" };
    const merged = mergeObjects(left, right);
    expect(Object.keys(merged)).toEqual(["a", "z"]);
    expect(merged).toEqual({ a: "02", z: "1" });
    expect(left).toEqual({ a: "0" });
    const empty = {};
    expect(mergeObjects(empty, {})).not.toBe(empty);
  });
});
