import { describe, expect, it } from "vitest";
import { JsonStreamParser } from "./json-stream-parser.js";
import type { JsonObject, JsonValue } from "./json-value.js";

// Snapshot guarantees on wide and deep documents (the shapes where copying costs most): every
// emitted value stays as it was, consecutive values share every closed subtree by reference,
// and wide objects are still plain objects with JSON.parse's keys, order and prototype.

function chunksOf(text: string, size: number): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
  return chunks;
}

interface Emission {
  value: JsonValue;
  /** The value's JSON when it was emitted, to prove later chunks did not change it. */
  json: string;
}

function emissions(text: string, size: number): Emission[] {
  const parser = new JsonStreamParser();
  const seen: Emission[] = [];
  for (const chunk of chunksOf(text, size)) {
    if (!parser.push(chunk)) continue;
    const value = parser.value;
    if (value !== undefined) seen.push({ value, json: JSON.stringify(value) });
  }
  expect(parser.finish()).toEqual(JSON.parse(text));
  return seen;
}

/** How many emitted values no longer serialise as they did when emitted (0 when immutable). */
function mutatedCount(seen: readonly Emission[]): number {
  return seen.filter((emission) => JSON.stringify(emission.value) !== emission.json).length;
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

describe("snapshots of a wide array", () => {
  const items = Array.from({ length: 200 }, (_, i) => ({ n: i, name: `item ${i}`, tags: [i, "t"] }));
  const text = JSON.stringify(items);

  it("never changes an emitted array and shares every closed item with the next one", () => {
    const seen = emissions(text, 4);
    expect(seen.length).toBeGreaterThan(700);
    expect(mutatedCount(seen)).toBe(0);
    let copiedClosedItems = 0;
    for (let e = 1; e < seen.length; e += 1) {
      const previous = seen[e - 1]!.value;
      const next = seen[e]!.value;
      if (!Array.isArray(previous) || !Array.isArray(next)) throw new Error("expected arrays");
      // Every item but the last of `previous` was closed when it was emitted.
      for (let i = 0; i < previous.length - 1; i += 1) if (next[i] !== previous[i]) copiedClosedItems += 1;
    }
    expect(copiedClosedItems).toBe(0);
  });
});

describe("snapshots of a wide object", () => {
  // Wider than V8's 1,020-member limit for fast-mode objects, past which copies are built by hand.
  const members = Array.from({ length: 1100 }, (_, i): [string, JsonValue] => {
    const value = i % 3 === 0 ? { v: i, list: [i] } : i % 3 === 1 ? `text ${i}` : i * 1.5;
    return [`key${i}`, value];
  });
  const text = JSON.stringify(Object.fromEntries(members));

  it("never changes an emitted object and shares every closed member with the next one", () => {
    const seen = emissions(text, 8);
    expect(seen.length).toBeGreaterThan(2000);
    expect(mutatedCount(seen)).toBe(0);
    let copiedClosedMembers = 0;
    for (let e = 1; e < seen.length; e += 1) {
      const previous = seen[e - 1]!.value;
      const next = seen[e]!.value;
      if (!isObject(previous) || !isObject(next)) throw new Error("expected objects");
      const keys = Object.keys(previous);
      // Every member but the last of `previous` was closed when it was emitted.
      for (const key of keys.slice(0, -1)) if (next[key] !== previous[key]) copiedClosedMembers += 1;
    }
    expect(copiedClosedMembers).toBe(0);
  });

  it("hands out plain objects with JSON.parse's own keys, order and values while open", () => {
    const wide = members.map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`);
    // Integer-like keys sort first, a repeated key keeps its first place with its last value,
    // and "__proto__" is an own key, as JSON.parse makes them.
    const body = `{"b": 1, "10": "ten", "2": [2], "__proto__": {"p": 1}, ${wide.join(", ")}, "b": 3, "open": "ha`;
    const parser = new JsonStreamParser();
    for (const chunk of chunksOf(body, 5)) parser.push(chunk);
    const value = parser.value;
    const expected: JsonValue = JSON.parse(`${body}"}`);
    if (!isObject(value) || !isObject(expected)) throw new Error("expected objects");
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(Object.keys(expected));
    expect(JSON.stringify(value)).toBe(JSON.stringify(expected));
    expect(Object.hasOwn(value, "__proto__")).toBe(true);
    expect(`${value}`).toBe("[object Object]");
    expect({ ...value }).toEqual(expected);
  });
});

describe("snapshots of a deep document", () => {
  const depth = 300;
  // [{"s": 0}, [{"s": 1}, [ ... [{"s": 299}, "leaf"] ... ]]]: a closed sibling at every level.
  const text = deepText(depth);

  it("never changes an emitted value and shares the closed sibling at every level", () => {
    const seen = emissions(text, 4);
    expect(mutatedCount(seen)).toBe(0);
    let copiedClosedSiblings = 0;
    for (let e = 1; e < seen.length; e += 1) {
      let previous: JsonValue | undefined = seen[e - 1]!.value;
      let next: JsonValue | undefined = seen[e]!.value;
      // Walk both values down the open path; a level's first element is closed once its second exists.
      while (Array.isArray(previous) && Array.isArray(next) && previous.length === 2) {
        if (next[0] !== previous[0]) copiedClosedSiblings += 1;
        previous = previous[1];
        next = next[1];
      }
    }
    expect(copiedClosedSiblings).toBe(0);
  });
});

function deepText(depth: number): string {
  let text = "";
  for (let level = 0; level < depth; level += 1) text += `[{"s": ${level}}, `;
  return `${text}"leaf"${"]".repeat(depth)}`;
}
