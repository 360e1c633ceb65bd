import {
  CallbackManager,
  ensureConfig,
  InvalidConfigError,
  mergeConfigs,
  type RunnableConfig,
  RunnableLambda,
} from "rivulet";
import { RunRecorder } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { validateConfig } from "./merge-configs.js";

describe("mergeConfigs", () => {
  it("unions tags in order without duplicates", () => {
    expect(mergeConfigs({ tags: ["a", "b"] }, { tags: ["b", "c"] }).tags).toEqual(["a", "b", "c"]);
    expect(mergeConfigs({ tags: ["a"] }, {}).tags).toEqual(["a"]);
  });

  it("shallow-merges metadata and configurable, the later value winning per key", () => {
    const merged = mergeConfigs(
      { metadata: { a: 1, nested: { x: 1 } }, configurable: { model: "small" } },
      { metadata: { nested: { y: 2 }, b: 2 }, configurable: { user: "ada" } },
    );
    expect(merged.metadata).toEqual({ a: 1, nested: { y: 2 }, b: 2 });
    expect(merged.configurable).toEqual({ model: "small", user: "ada" });
  });

  it("takes the later runName and the smaller timeout", () => {
    const merged = mergeConfigs({ runName: "a", timeout: 100 }, { runName: "b", timeout: 500 });
    expect(merged.runName).toBe("b");
    expect(merged.timeout).toBe(100);
  });

  it("combines signals: aborting either one aborts the merged signal", () => {
    for (const which of [0, 1]) {
      const controllers = [new AbortController(), new AbortController()];
      const merged = mergeConfigs({ signal: controllers[0]!.signal }, { signal: controllers[1]!.signal });
      expect(merged.signal?.aborted).toBe(false);
      controllers[which]!.abort(`reason ${which}`);
      expect(merged.signal?.aborted).toBe(true);
      expect(merged.signal?.reason).toBe(`reason ${which}`);
    }
  });

  it("concatenates handler lists, and adds handlers to a manager", () => {
    const a = new RunRecorder();
    const b = new RunRecorder();
    expect(mergeConfigs({ callbacks: [a] }, { callbacks: [b] }).callbacks).toEqual([a, b]);
    const manager = CallbackManager.from([a]);
    const merged = mergeConfigs({ callbacks: manager }, { callbacks: [b] }).callbacks;
    expect(merged).toBeInstanceOf(CallbackManager);
    expect((merged as CallbackManager).observers).toHaveLength(2);
  });

  it("ignores undefined configs and does not mutate its arguments", () => {
    const first = { tags: ["a"] };
    const merged = mergeConfigs(undefined, first, undefined, { tags: ["b"] });
    expect(merged.tags).toEqual(["a", "b"]);
    expect(first.tags).toEqual(["a"]);
  });

  it("keeps a signal that only one side has, without wrapping it", () => {
    const signal = new AbortController().signal;
    expect(mergeConfigs({ signal }, { tags: ["a"] }).signal).toBe(signal);
    expect(mergeConfigs({ tags: ["a"] }, { signal }).signal).toBe(signal);
    expect(mergeConfigs({ signal }, { signal }).signal).toBe(signal);
    expect(mergeConfigs({}, {}).signal).toBeUndefined();
  });

  it("returns a new object even for one config, with its symbol-keyed fields and unknown keys", () => {
    const link = Symbol("link");
    const only = { tags: ["a"], [link]: 1, extra: "x" } as RunnableConfig & { [link]: number; extra: string };
    const copy = mergeConfigs(only) as typeof only;
    expect(copy).not.toBe(only);
    expect(copy[link]).toBe(1);
    expect(copy.extra).toBe("x");
    const merged = mergeConfigs({ runName: "a" }, only) as typeof only;
    expect(merged[link]).toBe(1);
    expect(merged.extra).toBe("x");
    expect(merged.runName).toBe("a");
    expect(mergeConfigs()).toEqual({});
  });

  it("keeps an own __proto__ key of parsed JSON as a key, never as the prototype", () => {
    const parsed = JSON.parse('{"__proto__": {"runName": "smuggled"}, "tags": ["b"]}') as RunnableConfig;
    for (const merged of [
      mergeConfigs({ tags: ["a"] }, parsed),
      mergeConfigs(parsed, {}),
      mergeConfigs(parsed),
    ]) {
      expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
      expect(merged.runName).toBeUndefined();
    }
    const metadata = JSON.parse('{"__proto__": {"x": 1}}') as Record<string, unknown>;
    const merged = mergeConfigs({ metadata: { a: 1 } }, { metadata });
    expect(Object.getPrototypeOf(merged.metadata)).toBe(Object.prototype);
    expect(Object.hasOwn(merged.metadata ?? {}, "__proto__")).toBe(true);
  });

  it("lets a later explicit undefined override, as a spread would", () => {
    expect(mergeConfigs({ runName: "a", maxConcurrency: 2 }, { runName: undefined }).runName).toBeUndefined();
    expect(mergeConfigs({ runName: "a", maxConcurrency: 2 }, { runName: undefined }).maxConcurrency).toBe(2);
  });

  it("gives both handler lists' observers the run", async () => {
    const a = new RunRecorder();
    const b = new RunRecorder();
    const id = RunnableLambda.from((x: number) => x, { name: "id" }).withConfig({ callbacks: [a] });
    await id.invoke(1, { callbacks: [b] });
    expect(a.lines()).toEqual(["start:id", "end:id"]);
    expect(b.lines()).toEqual(["start:id", "end:id"]);
  });
});

describe("ensureConfig", () => {
  it("returns the enclosing config itself when a function passes its own config on", async () => {
    const seen: RunnableConfig[] = [];
    const outer = RunnableLambda.from((_: number, config: RunnableConfig) => {
      seen.push(config, ensureConfig(config), ensureConfig(undefined));
      return 0;
    });
    await outer.invoke(0, { tags: ["t"] });
    expect(seen[1]).toBe(seen[0]);
    expect(seen[2]).toBe(seen[0]);
  });

  it("merges a different config over the enclosing one", async () => {
    let merged: RunnableConfig | undefined;
    const outer = RunnableLambda.from((_: number) => {
      merged = ensureConfig({ tags: ["inner"], runName: "inner" });
      return 0;
    });
    await outer.invoke(0, { tags: ["outer"], configurable: { a: 1 } });
    expect(merged?.tags).toEqual(["outer", "inner"]);
    expect(merged?.runName).toBe("inner");
    expect(merged?.configurable).toEqual({ a: 1 });
  });
});

describe("validateConfig", () => {
  it("rejects a timeout of 0 with a clear InvalidConfigError", () => {
    expect(() => validateConfig({ timeout: 0 })).toThrow(InvalidConfigError);
    expect(() => validateConfig({ timeout: 0 })).toThrow(
      "timeout must be a number of milliseconds above 0 and at most 2147483647, or Infinity for no limit, got 0",
    );
    expect(() => validateConfig({ timeout: -5 })).toThrow(InvalidConfigError);
    expect(() => validateConfig({ timeout: Number.NaN })).toThrow(InvalidConfigError);
  });

  it("rejects a maxConcurrency or recursionLimit that is not a positive integer", () => {
    expect(() => validateConfig({ maxConcurrency: 0 })).toThrow(
      /maxConcurrency must be a positive integer, got 0/,
    );
    expect(() => validateConfig({ maxConcurrency: 1.5 })).toThrow(InvalidConfigError);
    expect(() => validateConfig({ recursionLimit: -1 })).toThrow(/recursionLimit/);
  });

  it("accepts valid values", () => {
    expect(() => validateConfig({ timeout: 1, maxConcurrency: 2, recursionLimit: 3 })).not.toThrow();
  });

  it("runs in ensureConfig, so a call with a bad config fails with InvalidConfigError", () => {
    expect(() => ensureConfig({ timeout: 0 })).toThrow(InvalidConfigError);
    const error = (() => {
      try {
        ensureConfig({ maxConcurrency: 0 });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(InvalidConfigError.isInstance(error)).toBe(true);
    expect((error as InvalidConfigError).code).toBe("invalid_config");
  });
});

describe("timeout bounds (setTimeout clamps delays above 2^31 - 1 ms to 1 ms)", () => {
  /** A lambda that takes a few milliseconds, and counts its calls. */
  function slowLambda() {
    let calls = 0;
    const runnable = RunnableLambda.from(
      async (x: number) => {
        calls++;
        await new Promise((resolve) => setTimeout(resolve, 20));
        return x + 1;
      },
      { name: "slow" },
    );
    return { runnable, calls: () => calls };
  }

  it("treats timeout: Infinity as no timeout", async () => {
    const { runnable } = slowLambda();
    expect(await runnable.invoke(1, { timeout: Number.POSITIVE_INFINITY })).toBe(2);
    expect(await runnable.withConfig({ timeout: Number.POSITIVE_INFINITY }).invoke(1)).toBe(2);
  });

  it("keeps the smaller timeout when merging with Infinity", () => {
    expect(mergeConfigs({ timeout: Number.POSITIVE_INFINITY }, { timeout: 100 }).timeout).toBe(100);
    expect(mergeConfigs({ timeout: 100 }, { timeout: Number.POSITIVE_INFINITY }).timeout).toBe(100);
  });

  it("rejects timeout: 2^31 at the call, before any run starts", async () => {
    const { runnable, calls } = slowLambda();
    const rec = new RunRecorder();
    const call = runnable.invoke(1, { timeout: 2 ** 31, callbacks: [rec] });
    await expect(call).rejects.toThrow(InvalidConfigError);
    await expect(call).rejects.toThrow(
      /^timeout must be a number of milliseconds above 0 and at most 2147483647/,
    );
    expect(calls()).toBe(0);
    expect(rec.entries).toEqual([]);
    expect(() => ensureConfig({ timeout: 2 ** 31 })).toThrow(InvalidConfigError);
  });

  it("rejects a bound timeout of 2^31 at withConfig", () => {
    const { runnable } = slowLambda();
    expect(() => runnable.withConfig({ timeout: 2 ** 31 })).toThrow(InvalidConfigError);
    expect(() => runnable.withConfig({ maxConcurrency: Number.NaN })).toThrow(/^maxConcurrency must be/);
  });

  it("accepts timeout: 2^31 - 1", async () => {
    const { runnable } = slowLambda();
    expect(await runnable.invoke(1, { timeout: 2 ** 31 - 1 })).toBe(2);
  });
});

describe("validateConfig: every numeric field", () => {
  const nan = Number.NaN;
  const infinity = Number.POSITIVE_INFINITY;
  const cases: [string, RunnableConfig][] = [
    ["timeout", { timeout: nan }],
    ["timeout", { timeout: -1 }],
    ["timeout", { timeout: 0 }],
    ["timeout", { timeout: 2 ** 31 }],
    ["maxConcurrency", { maxConcurrency: nan }],
    ["maxConcurrency", { maxConcurrency: -1 }],
    ["maxConcurrency", { maxConcurrency: 0 }],
    ["maxConcurrency", { maxConcurrency: 1.5 }],
    ["maxConcurrency", { maxConcurrency: infinity }],
    ["recursionLimit", { recursionLimit: nan }],
    ["recursionLimit", { recursionLimit: -1 }],
    ["recursionLimit", { recursionLimit: 0 }],
    ["recursionLimit", { recursionLimit: 1.5 }],
    ["recursionLimit", { recursionLimit: infinity }],
  ];
  it.each(cases)("rejects %s in %o at the call", async (name, config) => {
    expect(() => validateConfig(config)).toThrow(new RegExp(`^${name} must be`));
    await expect(RunnableLambda.from((x: number) => x).invoke(1, config)).rejects.toThrow(InvalidConfigError);
  });

  it("does not reject the recursion budget a nested run inherits (it reaches 0 at the deepest level)", async () => {
    const leaf = RunnableLambda.from((x: number) => x + 1);
    const inner = RunnableLambda.from(async (x: number) => leaf.invoke(x));
    const outer = RunnableLambda.from((_: number) => inner);
    expect(await outer.invoke(1, { recursionLimit: 1 })).toBe(2);
  });
});

describe("mergeConfigs with empty arguments", () => {
  it("skips undefined and null as @langchain/core does", () => {
    expect(mergeConfigs(undefined, null, { tags: ["a"] }, null)).toEqual({ tags: ["a"] });
    expect(mergeConfigs(null)).toEqual({});
  });
});
