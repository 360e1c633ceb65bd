import { concat } from "rivulet";
import { describe, expect, it } from "vitest";

class Text {
  constructor(readonly value: string) {}
  concat(other: Text): Text {
    return new Text(`${this.value}${other.value}`);
  }
}

describe("concat", () => {
  it("joins strings", () => {
    expect(concat("Hel", "lo")).toBe("Hello");
  });

  it("adds numbers", () => {
    expect(concat(2, 3)).toBe(5);
  });

  it("concatenates arrays without mutating either", () => {
    const a = [1, 2];
    const b = [3];
    expect(concat(a, b)).toEqual([1, 2, 3]);
    expect(a).toEqual([1, 2]);
    expect(b).toEqual([3]);
  });

  it("merges plain objects key by key, recursively", () => {
    const a = { text: "Hel", n: 1, nested: { parts: ["x"], label: "a" }, onlyA: true };
    const b = { text: "lo", n: 2, nested: { parts: ["y"], label: "b" }, onlyB: null };
    expect(concat<Record<string, unknown>>(a, b)).toEqual({
      text: "Hello",
      n: 3,
      nested: { parts: ["x", "y"], label: "ab" },
      onlyA: true,
      onlyB: null,
    });
    expect(a.text).toBe("Hel");
  });

  it("uses a value's own concat method", () => {
    const merged = concat(new Text("ab"), new Text("cd"));
    expect(merged).toBeInstanceOf(Text);
    expect(merged.value).toBe("abcd");
  });

  it("treats undefined and null as the empty value", () => {
    expect(concat<string | undefined>(undefined, "a")).toBe("a");
    expect(concat<string | null>("a", null)).toBe("a");
  });

  it("keeps the later value when the two cannot be added", () => {
    expect(concat<unknown>("a", 1)).toBe(1);
    expect(concat<unknown>(true, false)).toBe(false);
  });
});
