import { toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { MappedStream, mapStream, peek } from "./async-streams.js";
import { countedSource } from "./test-support/counted-source.js";

describe("mapStream fuses maps", () => {
  it("a map of a map is one mapped stream applying both in order", async () => {
    const { source } = countedSource([1, 2, 3]);
    const twice = mapStream(
      mapStream(source, (n) => n * 10),
      (n) => `${n}!`,
    );
    expect(twice).toBeInstanceOf(MappedStream);
    expect(await toArray(twice)).toEqual(["10!", "20!", "30!"]);
  });

  it("a peeked stream takes the map: the first item mapped when served, the rest through the source", async () => {
    const { state, source } = countedSource(["a", "b", "c"]);
    const head = await peek(mapStream(source, (s) => s.toUpperCase()));
    const calls: string[] = [];
    const mapped = mapStream(head.stream, (s) => {
      calls.push(s);
      return `${s}${s}`;
    });
    expect(calls).toEqual([]);
    expect(await toArray(mapped)).toEqual(["AA", "BB", "CC"]);
    expect(state.pulls).toBe(3);
  });

  it("a map that throws on the first peeked item rejects that read", async () => {
    const { source } = countedSource(["a", "b"]);
    const head = await peek(source);
    const mapped = mapStream(head.stream, (s) => {
      if (s === "a") throw new Error("bad a");
      return s;
    });
    await expect(mapped.next()).rejects.toThrow("bad a");
    expect(await mapped.next()).toEqual({ done: false, value: "b" });
  });

  it("closing the fused stream closes the source, and the peek's close is then a no-op", async () => {
    const { state, source } = countedSource(["a", "b", "c"]);
    const head = await peek(source);
    const mapped = mapStream(head.stream, (s) => s.toUpperCase());
    expect(await mapped.next()).toEqual({ done: false, value: "A" });
    await mapped.return?.();
    expect(state.closed).toBe(true);
    expect(head.close()).toBeUndefined();
  });
});
