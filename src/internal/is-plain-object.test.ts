import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { isPlainObject } from "./is-plain-object.js";

class Point {
  x = 1;
}

describe("isPlainObject", () => {
  it("accepts objects whose prototype is Object.prototype or null", () => {
    expect(isPlainObject({})).toBe(true);
    expect(isPlainObject({ a: 1, nested: { b: [] } })).toBe(true);
    expect(isPlainObject(JSON.parse('{"a":1}'))).toBe(true);
    expect(isPlainObject(Object.fromEntries([["a", 1]]))).toBe(true);
    expect(isPlainObject(structuredClone({ a: 1 }))).toBe(true);
    expect(isPlainObject(Object.create(null))).toBe(true);
    expect(isPlainObject(new Proxy({}, {}))).toBe(true);
  });

  it.each([
    ["null", null],
    ["undefined", undefined],
    ["a string", "a"],
    ["a number", 1],
    ["a boolean", true],
    ["a symbol", Symbol("s")],
    ["a bigint", 1n],
    ["a function", () => {}],
    ["an array", [1, 2]],
    ["an empty array", []],
    ["a Date", new Date(0)],
    ["a Map", new Map()],
    ["a RegExp", /a/],
    ["a boxed string", Object("a")],
    ["a class instance", new Point()],
    ["an object inheriting from a plain object", Object.create({ inherited: true })],
  ])("rejects %s", (_label, value) => {
    expect(isPlainObject(value)).toBe(false);
  });

  it("rejects an array whose prototype was replaced by Object.prototype", () => {
    const array: unknown[] = [1];
    Object.setPrototypeOf(array, Object.prototype);
    expect(isPlainObject(array)).toBe(false);
  });

  it("rejects objects made in another realm", () => {
    expect(isPlainObject(runInNewContext("({ a: 1 })"))).toBe(false);
  });

  it("narrows to a record", () => {
    const value: unknown = { name: "x" };
    if (isPlainObject(value)) expect(value.name).toBe("x");
  });
});
