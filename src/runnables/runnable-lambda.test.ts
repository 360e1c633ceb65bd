import { chain, InvalidInputError, RecursionLimitError, type Runnable, RunnableLambda } from "rivulet";
import { RunRecorder, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";

const double = RunnableLambda.from((x: number) => x * 2, { name: "double" });

describe("RunnableLambda.from", () => {
  it("wraps a sync or async function", async () => {
    expect(await RunnableLambda.from((x: number) => x + 1).invoke(1)).toBe(2);
    expect(await RunnableLambda.from(async (x: number) => x + 1).invoke(1)).toBe(2);
  });

  it("passes the run's config as the second argument", async () => {
    let seen: unknown;
    const spy = RunnableLambda.from((x: number, config) => {
      seen = config.configurable;
      return x;
    });
    await spy.invoke(1, { configurable: { user: "ada" } });
    expect(seen).toEqual({ user: "ada" });
  });

  it("runs a returned Runnable on the same input, as a child run", async () => {
    const rec = new RunRecorder();
    const router = RunnableLambda.from((_: number) => double, { name: "router" });
    expect(await router.invoke(5, { callbacks: [rec] })).toBe(10);
    expect(rec.lines()).toEqual(["start:router", "start:double", "end:double", "end:router"]);
    const routerId = rec.entries[0]!.runId;
    expect(rec.entries[1]!.parentIds).toEqual([routerId]);
  });

  it("streams the chunks of a returned Runnable", async () => {
    const letters = RunnableLambda.from(async function* letters(s: string) {
      for (const c of s) yield c;
    });
    const router = RunnableLambda.from((_: string) => letters);
    expect(await toArray(router.stream("abc"))).toEqual(["a", "b", "c"]);
  });

  it("streams the items of a returned async iterable, and folds them under invoke", async () => {
    const words = RunnableLambda.from(async function* words(s: string) {
      for (const w of s.split(" ")) yield `${w}|`;
    });
    expect(await toArray(words.stream("to be or"))).toEqual(["to|", "be|", "or|"]);
    expect(await words.invoke("to be or")).toBe("to|be|or|");
  });

  it("reports the streamed items of a returned async iterable as stream notifications", async () => {
    const rec = new RunRecorder();
    const words = RunnableLambda.from(
      async function* (s: string) {
        for (const w of s.split(" ")) yield w;
      },
      { name: "words" },
    );
    await toArray(words.stream("a b", { callbacks: [rec] }));
    expect(rec.lines()).toEqual(["start:words", "stream:words", "stream:words", "end:words"]);
    expect(rec.entries.at(-1)!.output).toBe("ab");
  });

  it("throws RecursionLimitError when a lambda keeps returning runnables", async () => {
    let calls = 0;
    const loop: Runnable<number, number> = RunnableLambda.from((_: number): Runnable<number, number> => {
      calls++;
      return loop;
    });
    const error = await loop.invoke(1).catch((e: unknown) => e);
    expect(RecursionLimitError.isInstance(error)).toBe(true);
    expect((error as RecursionLimitError).code).toBe("recursion_limit");
    expect(calls).toBeGreaterThan(1);
    expect(calls).toBeLessThanOrEqual(26);
  });

  it("honours a smaller recursionLimit from the config", async () => {
    let calls = 0;
    const loop: Runnable<number, number> = RunnableLambda.from((_: number): Runnable<number, number> => {
      calls++;
      return loop;
    });
    await expect(loop.invoke(1, { recursionLimit: 3 })).rejects.toBeInstanceOf(RecursionLimitError);
    expect(calls).toBeLessThanOrEqual(4);
  });

  it("reports the configured recursionLimit in the error", async () => {
    const loop: Runnable<number, number> = RunnableLambda.from((_: number): Runnable<number, number> => loop);
    const error = await loop.invoke(1, { recursionLimit: 3 }).catch((e: unknown) => e);
    expect((error as RecursionLimitError).limit).toBe(3);
    expect((error as RecursionLimitError).message).toContain("Recursion limit of 3");
  });

  it("raises RecursionLimitError under stream too", async () => {
    const loop: Runnable<number, number> = RunnableLambda.from((_: number): Runnable<number, number> => loop);
    await expect(toArray(loop.stream(1, { recursionLimit: 2 }))).rejects.toBeInstanceOf(RecursionLimitError);
  });

  it("allows a short chain of returned runnables within the limit", async () => {
    const inner = RunnableLambda.from((_: number) => double);
    const outer = RunnableLambda.from((_: number) => inner);
    expect(await outer.invoke(4, { recursionLimit: 5 })).toBe(8);
  });
});

describe("chain()", () => {
  it("names the runnable and its runs after the function", async () => {
    const rec = new RunRecorder();
    const reverseAndDouble = chain(async function reverseAndDouble(word: string) {
      return [...word].reverse().join("").repeat(2);
    });
    expect(reverseAndDouble.getName()).toBe("reverseAndDouble");
    expect(await reverseAndDouble.invoke("ab", { callbacks: [rec] })).toBe("baba");
    expect(rec.lines()).toEqual(["start:reverseAndDouble", "end:reverseAndDouble"]);
  });

  it("takes an explicit name", () => {
    expect(chain((x: number) => x, "explicit").getName()).toBe("explicit");
  });

  it("links runnables called inside the function to its run", async () => {
    const rec = new RunRecorder();
    const outer = chain(async function outer(x: number) {
      return (await double.invoke(x)) + 1;
    });
    expect(await outer.invoke(2, { callbacks: [rec] })).toBe(5);
    expect(rec.lines()).toEqual(["start:outer", "start:double", "end:double", "end:outer"]);
    expect(rec.entries[1]!.parentIds).toEqual([rec.entries[0]!.runId]);
  });
});

describe("RunnableLambda over an async generator function", () => {
  it("closes the generator (finally runs) when the consumer stops early", async () => {
    let closed = false;
    const counter = RunnableLambda.from(async function* counter(_: number) {
      try {
        for (let i = 0; ; i++) yield i;
      } finally {
        closed = true;
      }
    });
    for await (const _ of await counter.stream(0)) break;
    expect(closed).toBe(true);
  });

  it("links runnables called inside the generator body to the lambda's run", async () => {
    const rec = new RunRecorder();
    const gen = RunnableLambda.from(
      async function* (x: number) {
        yield await double.invoke(x);
        yield await double.invoke(x + 1);
      },
      { name: "gen" },
    );
    expect(await toArray(gen.stream(1, { callbacks: [rec] }))).toEqual([2, 4]);
    const genId = rec.entries[0]!.runId;
    const nested = rec.entries.filter((e) => e.kind === "start" && e.name === "double");
    expect(nested).toHaveLength(2);
    for (const e of nested) expect(e.parentIds).toEqual([genId]);
  });
});

describe("RunnableLambda checks its fields at construction", () => {
  it("rejects a func that is not a function (it failed only at the call)", () => {
    const notAFunction: (x: number) => number = JSON.parse('"double"');
    expect(() => RunnableLambda.from(notAFunction)).toThrow(InvalidInputError);
    expect(() => RunnableLambda.from(notAFunction)).toThrow(/^RunnableLambda needs a function, got string/);
  });

  it("rejects a name that is not a string", () => {
    const options: { name: string } = JSON.parse('{"name": 3}');
    expect(() => RunnableLambda.from((x: number) => x, options)).toThrow(/^name must be a string/);
  });
});
