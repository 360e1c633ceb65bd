import { InvalidConfigError, InvalidInputError, type RunnableConfig, RunnableLambda } from "rivulet";
import { describe, expect, it } from "vitest";
import { type BatchOptions, DEFAULT_BATCH_CONCURRENCY } from "./batch.js";

/** A lambda that records how many calls overlap at most, and how many it received. */
function tracked() {
  let running = 0;
  let peak = 0;
  let calls = 0;
  const runnable = RunnableLambda.from(
    async (x: number) => {
      calls++;
      running++;
      peak = Math.max(peak, running);
      // Two turns of the event loop: enough for every worker that may start to start.
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
      running--;
      return x * 10;
    },
    { name: "tracked" },
  );
  return { runnable, peak: () => peak, calls: () => calls };
}

const inputs = [1, 2, 3, 4, 5, 6];

describe("batch: maxConcurrency from every path is checked at the call", () => {
  // What `Number(process.env.X)` gives when X is unset, and other values that cannot work.
  const bad = [Number.NaN, 0, -1, 1.5, Number.POSITIVE_INFINITY];

  it.each(bad)("rejects batch option maxConcurrency %s before running anything", async (value) => {
    const { runnable, calls } = tracked();
    const call = runnable.batch(inputs, undefined, { maxConcurrency: value });
    await expect(call).rejects.toThrow(InvalidConfigError);
    await expect(call).rejects.toThrow(/^maxConcurrency must be a positive integer/);
    expect(calls()).toBe(0);
  });

  it.each(bad)("rejects config maxConcurrency %s before running anything", async (value) => {
    const { runnable, calls } = tracked();
    await expect(runnable.batch(inputs, { maxConcurrency: value })).rejects.toThrow(InvalidConfigError);
    expect(calls()).toBe(0);
  });

  it.each(bad)(
    "rejects maxConcurrency %s in any of the per-input configs before running anything",
    async (value) => {
      const { runnable, calls } = tracked();
      const configs: RunnableConfig[] = inputs.map(() => ({}));
      configs[4] = { maxConcurrency: value };
      await expect(runnable.batch(inputs, configs, { returnExceptions: true })).rejects.toThrow(
        InvalidConfigError,
      );
      expect(calls()).toBe(0);
    },
  );

  it.each(bad)("rejects a bound maxConcurrency %s at withConfig", (value) => {
    const { runnable } = tracked();
    expect(() => runnable.withConfig({ maxConcurrency: value })).toThrow(InvalidConfigError);
  });
});

describe("batch: maxConcurrency from every path is honoured", () => {
  it("takes the batch option over the config", async () => {
    const { runnable, peak } = tracked();
    expect(await runnable.batch(inputs, { maxConcurrency: 4 }, { maxConcurrency: 2 })).toEqual(
      inputs.map((x) => x * 10),
    );
    expect(peak()).toBe(2);
  });

  it("takes the smallest maxConcurrency of the per-input configs (none is dropped)", async () => {
    const { runnable, peak } = tracked();
    const configs: RunnableConfig[] = inputs.map(() => ({ maxConcurrency: 5 }));
    configs[3] = { maxConcurrency: 2 };
    await runnable.batch(inputs, configs);
    expect(peak()).toBe(2);
  });

  it("takes a maxConcurrency bound with withConfig", async () => {
    const { runnable, peak } = tracked();
    expect(await runnable.withConfig({ maxConcurrency: 2 }).batch(inputs)).toEqual(inputs.map((x) => x * 10));
    expect(peak()).toBe(2);
  });

  it("takes the maxConcurrency of the enclosing run when called inside a lambda", async () => {
    const { runnable, peak } = tracked();
    const outer = RunnableLambda.from((xs: number[]) => runnable.batch(xs));
    expect(await outer.invoke(inputs, { maxConcurrency: 2 })).toEqual(inputs.map((x) => x * 10));
    expect(peak()).toBe(2);
  });

  it("runs up to the default without any maxConcurrency", async () => {
    const { runnable, peak } = tracked();
    await runnable.batch(inputs);
    expect(peak()).toBe(Math.min(inputs.length, DEFAULT_BATCH_CONCURRENCY));
  });
});

describe("batch: the other arguments are checked at the call", () => {
  it("rejects a configs array whose length differs from the inputs with InvalidConfigError", async () => {
    const { runnable, calls } = tracked();
    const call = runnable.batch([1, 2, 3], [{}, {}]);
    await expect(call).rejects.toThrow(InvalidConfigError);
    await expect(call).rejects.toThrow("batch got 3 inputs but 2 configs");
    await expect(runnable.batch([], [{}])).rejects.toThrow(InvalidConfigError);
    expect(calls()).toBe(0);
    expect(await runnable.batch([], [])).toEqual([]);
  });

  it.each(["false", 1, null])("rejects returnExceptions %s (not a boolean)", async (value) => {
    const { runnable, calls } = tracked();
    // An untyped caller (JavaScript, a parsed config file) can pass anything.
    const options: BatchOptions = JSON.parse(JSON.stringify({ returnExceptions: value }));
    await expect(runnable.batch(inputs, undefined, options)).rejects.toThrow(
      /^returnExceptions must be true or false/,
    );
    expect(calls()).toBe(0);
  });

  it("rejects inputs that are not an array", async () => {
    const { runnable } = tracked();
    const notAnArray: number[] = JSON.parse('{"length": 2}');
    await expect(runnable.batch(notAnArray)).rejects.toThrow(InvalidInputError);
  });
});
