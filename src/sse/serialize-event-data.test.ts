import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../errors/input-errors.js";
import { serializeEventData } from "./serialize-event-data.js";

describe("serializeEventData", () => {
  it("matches JSON.stringify for plain JSON values", () => {
    const value = { a: 1, b: ["x", true, null, { c: -0.5 }], 'quote"d': "line\nbreak", empty: {} };
    expect(serializeEventData(value)).toBe(JSON.stringify(value));
  });

  it("omits undefined, functions and symbols in objects, writes null for them in arrays", () => {
    expect(serializeEventData({ a: undefined, f: () => 1, s: Symbol("x"), keep: 1 })).toBe('{"keep":1}');
    expect(serializeEventData([undefined, () => 1, 2])).toBe("[null,null,2]");
    expect(serializeEventData(undefined)).toBe("null");
    expect(serializeEventData({ n: Number.NaN, i: Number.POSITIVE_INFINITY })).toBe('{"n":null,"i":null}');
  });

  it("honours toJSON, passing the key as JSON.stringify does", () => {
    class Message {
      constructor(readonly content: string) {}
      toJSON(key: string) {
        return { type: "ai", content: this.content, key };
      }
    }
    expect(serializeEventData({ chunk: new Message("hi") })).toBe(
      '{"chunk":{"type":"ai","content":"hi","key":"chunk"}}',
    );
    expect(serializeEventData({ at: new Date(0) })).toBe('{"at":"1970-01-01T00:00:00.000Z"}');
  });

  it("writes errors as { name, message, code? }", () => {
    expect(serializeEventData({ error: new TypeError("bad input") })).toBe(
      '{"error":{"name":"TypeError","message":"bad input"}}',
    );
    expect(serializeEventData(new InvalidInputError("no"))).toBe(
      '{"name":"InvalidInputError","message":"no","code":"invalid_input"}',
    );
  });

  it("writes bigints as decimal strings", () => {
    expect(serializeEventData({ tokens: 12345678901234567890n })).toBe('{"tokens":"12345678901234567890"}');
  });

  it("replaces references to an ancestor with [Circular], but writes shared non-circular values twice", () => {
    const node: Record<string, unknown> = { name: "root" };
    node.self = node;
    node.list = [node, { up: node }];
    expect(serializeEventData(node)).toBe(
      '{"name":"root","self":"[Circular]","list":["[Circular]",{"up":"[Circular]"}]}',
    );
    const shared = { x: 1 };
    expect(serializeEventData({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
  });

  it("unboxes primitive wrapper objects", () => {
    expect(serializeEventData([Object(1), Object("s"), Object(false)])).toBe('[1,"s",false]');
  });
});
