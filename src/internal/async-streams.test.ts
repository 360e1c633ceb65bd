import { fromArray, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { mergeKeyed, once, peek } from "./async-streams.js";
import { countedSource } from "./test-support/counted-source.js";

const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

describe("once", () => {
  it("yields one value", async () => {
    expect(await toArray(once("x"))).toEqual(["x"]);
  });
});

describe("peek", () => {
  it("reads the first item and gives back a stream that still starts with it", async () => {
    const { state, source } = countedSource(["a", "b", "c"]);
    const head = await peek(source);
    expect(head).toMatchObject({ done: false, first: "a" });
    expect(state.pulls).toBe(1);
    expect(await toArray(head.stream)).toEqual(["a", "b", "c"]);
  });

  it("reports an empty stream", async () => {
    const head = await peek(fromArray<string>([]));
    expect(head.done).toBe(true);
    expect(await toArray(head.stream)).toEqual([]);
  });

  it("closes the source when the returned stream is left early", async () => {
    const { state, source } = countedSource(["a", "b", "c"]);
    const head = await peek(source);
    for await (const _ of head.stream) break;
    expect(state.closed).toBe(true);
  });
});

describe("mergeKeyed", () => {
  it("yields [key, item] as soon as any source produces one", async () => {
    const merged = await toArray(
      mergeKeyed([
        ["slow", fromArray(["s1", "s2"], { delayMs: 20 })],
        ["fast", fromArray(["f1", "f2"])],
      ]),
    );
    expect(merged).toEqual([
      ["fast", "f1"],
      ["fast", "f2"],
      ["slow", "s1"],
      ["slow", "s2"],
    ]);
  });

  it("closes every other source when the consumer stops early", async () => {
    const a = countedSource(["a1", "a2", "a3"], 1);
    const b = countedSource(["b1", "b2", "b3"], 1);
    for await (const _ of mergeKeyed([
      ["a", a.source],
      ["b", b.source],
    ]))
      break;
    await delay(10);
    expect(a.state.closed).toBe(true);
    expect(b.state.closed).toBe(true);
  });

  it("rejects when a source fails", async () => {
    const failing = (): AsyncIterable<string> => ({
      [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new Error("branch failed")) }),
    });
    await expect(
      toArray(
        mergeKeyed([
          ["ok", fromArray(["x"], { delayMs: 5 })],
          ["bad", failing()],
        ]),
      ),
    ).rejects.toThrow("branch failed");
  });

  it("stops waiting when the signal aborts", { timeout: 2000 }, async () => {
    const hanging = (async function* (): AsyncGenerator<string> {
      await new Promise(() => {});
      yield "never";
    })();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 5);
    await expect(toArray(mergeKeyed([["h", hanging]], controller.signal))).rejects.toMatchObject({
      code: "aborted",
    });
  });
});
