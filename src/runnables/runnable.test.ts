import { InvalidConfigError, RunnableGenerator, RunnableLambda, RunnableSequence } from "rivulet";
import { fromArray, RunRecorder, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";

const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

describe("Runnable.invoke", () => {
  it("resolves with the function's output", async () => {
    const addOne = RunnableLambda.from((x: number) => x + 1);
    expect(await addOne.invoke(41)).toBe(42);
  });

  it("rejects with the error thrown by the function and reports the run as failed", async () => {
    const rec = new RunRecorder();
    const boom = RunnableLambda.from((_: number): number => {
      throw new Error("boom");
    });
    await expect(boom.invoke(1, { callbacks: [rec] })).rejects.toThrow("boom");
    expect(rec.lines()).toEqual(["start:RunnableLambda", "error:RunnableLambda"]);
  });
});

describe("Runnable.batch", () => {
  it("keeps the input order when later inputs finish first", async () => {
    const slowFirst = RunnableLambda.from(async (ms: number) => {
      await delay(ms);
      return `done ${ms}`;
    });
    expect(await slowFirst.batch([30, 1, 15, 0])).toEqual(["done 30", "done 1", "done 15", "done 0"]);
  });

  it("never runs more than maxConcurrency inputs at once (batch option)", async () => {
    let running = 0;
    let peak = 0;
    const tracked = RunnableLambda.from(async (x: number) => {
      running++;
      peak = Math.max(peak, running);
      await delay(x % 3);
      running--;
      return x;
    });
    const inputs = Array.from({ length: 10 }, (_, i) => i);
    expect(await tracked.batch(inputs, undefined, { maxConcurrency: 2 })).toEqual(inputs);
    expect(peak).toBe(2);
  });

  it("never runs more than config.maxConcurrency inputs at once", async () => {
    let running = 0;
    let peak = 0;
    const tracked = RunnableLambda.from(async (x: number) => {
      running++;
      peak = Math.max(peak, running);
      await delay(1);
      running--;
      return x;
    });
    await tracked.batch([1, 2, 3, 4, 5, 6], { maxConcurrency: 3 });
    expect(peak).toBe(3);
  });

  it("gives each failed input's error in its place with returnExceptions", async () => {
    const evenOnly = RunnableLambda.from((x: number) => {
      if (x % 2 === 1) throw new Error(`odd ${x}`);
      return x;
    });
    const results = await evenOnly.batch([0, 1, 2, 3], undefined, { returnExceptions: true });
    expect(results[0]).toBe(0);
    expect(results[1]).toBeInstanceOf(Error);
    expect((results[1] as Error).message).toBe("odd 1");
    expect(results[2]).toBe(2);
    expect((results[3] as Error).message).toBe("odd 3");
  });

  it("rejects with the first error without returnExceptions", async () => {
    const evenOnly = RunnableLambda.from((x: number) => {
      if (x % 2 === 1) throw new Error(`odd ${x}`);
      return x;
    });
    await expect(evenOnly.batch([0, 1, 2])).rejects.toThrow("odd 1");
  });

  it("uses one config per input when given an array of configs", async () => {
    const rec = new RunRecorder();
    const id = RunnableLambda.from((x: number) => x, { name: "id" });
    await id.batch(
      [1, 2],
      [
        { runName: "first", callbacks: [rec] },
        { runName: "second", callbacks: [rec] },
      ],
    );
    expect(rec.lines().sort()).toEqual(["end:first", "end:second", "start:first", "start:second"]);
  });
});

describe("Runnable.stream", () => {
  it("resolves before any work starts; the work starts when the stream is read", async () => {
    let called = false;
    const work = RunnableLambda.from((x: number) => {
      called = true;
      return x * 2;
    });
    const rec = new RunRecorder();
    const stream = await work.stream(21, { callbacks: [rec] });
    expect(called).toBe(false);
    expect(rec.entries).toEqual([]);
    expect(await toArray(stream)).toEqual([42]);
    expect(called).toBe(true);
  });

  it("returns a ReadableStream that can be read with getReader()", async () => {
    const letters = RunnableGenerator.from(async function* letters(_: AsyncIterable<string>) {
      yield "a";
      yield "b";
    });
    const stream = await letters.stream("x");
    expect(stream).toBeInstanceOf(ReadableStream);
    const reader = stream.getReader();
    const seen: string[] = [];
    for (let r = await reader.read(); !r.done; r = await reader.read()) seen.push(r.value);
    expect(seen).toEqual(["a", "b"]);
  });

  it("cannot be iterated twice", async () => {
    const id = RunnableLambda.from((x: number) => x);
    const stream = await id.stream(1);
    await toArray(stream);
    expect(() => stream[Symbol.asyncIterator]()).toThrow(TypeError);
  });
});

describe("Runnable.transform", () => {
  it("gives an aggregating step the whole concatenated input", async () => {
    const upper = RunnableLambda.from((s: string) => s.toUpperCase());
    expect(await toArray(upper.transform(fromArray(["ab", "c", "d"])))).toEqual(["ABCD"]);
  });

  it("lets a generator step process the input chunk by chunk", async () => {
    const upper = RunnableGenerator.from(async function* upper(input: AsyncIterable<string>) {
      for await (const s of input) yield s.toUpperCase();
    });
    expect(await toArray(upper.transform(fromArray(["ab", "c", "d"])))).toEqual(["AB", "C", "D"]);
  });
});

describe("Runnable.pipe / withConfig / getName", () => {
  it("pipes outputs into the next step", async () => {
    const chain = RunnableLambda.from((x: number) => x + 1).pipe((x: number) => `n=${x}`);
    expect(await chain.invoke(1)).toBe("n=2");
  });

  it("withConfig binds tags, metadata and runName to every call", async () => {
    const rec = new RunRecorder();
    const bound = RunnableLambda.from((x: number) => x, { name: "id" }).withConfig({
      runName: "renamed",
      tags: ["bound"],
      metadata: { origin: "withConfig" },
    });
    await bound.invoke(1, { callbacks: [rec], tags: ["call"] });
    const start = rec.entries[0]!;
    expect(start.name).toBe("renamed");
    expect(start.tags).toEqual(["bound", "call"]);
    expect(start.metadata).toEqual({ origin: "withConfig" });
  });

  it("withConfig on a binding merges with the earlier binding", async () => {
    const rec = new RunRecorder();
    const bound = RunnableLambda.from((x: number) => x, { name: "id" })
      .withConfig({ tags: ["one"], metadata: { a: 1 } })
      .withConfig({ tags: ["two"], metadata: { b: 2 } });
    await bound.invoke(1, { callbacks: [rec] });
    expect(rec.entries[0]!.tags).toEqual(["one", "two"]);
    expect(rec.entries[0]!.metadata).toEqual({ a: 1, b: 2 });
  });

  it("getName gives the given name, the function name, or the class name", () => {
    function namedFn(x: number): number {
      return x;
    }
    expect(RunnableLambda.from((x: number) => x, { name: "given" }).getName()).toBe("given");
    expect(RunnableLambda.from(namedFn).getName()).toBe("namedFn");
    const anonymous = [(x: number) => x][0]!; // an arrow in an array literal gets no name
    expect(RunnableLambda.from(anonymous).getName()).toBe("RunnableLambda");
    expect(RunnableLambda.from(namedFn).pipe(namedFn).getName()).toBe("RunnableSequence");
    // As in @langchain/core: runName names the run; the binding keeps the bound runnable's name.
    expect(RunnableLambda.from(namedFn).withConfig({ runName: "bound" }).getName()).toBe("namedFn");
    expect(RunnableSequence.from([namedFn, namedFn], { name: "seq" }).getName("!")).toBe("seq!");
  });

  it("rejects (not throws) on an invalid config passed to invoke", async () => {
    const id = RunnableLambda.from((x: number) => x);
    const call = () => id.invoke(1, { timeout: 0 });
    let promise: Promise<number> | undefined;
    expect(() => {
      promise = call();
    }).not.toThrow();
    await expect(promise).rejects.toBeInstanceOf(InvalidConfigError);
  });
});
