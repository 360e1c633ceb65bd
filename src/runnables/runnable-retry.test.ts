import {
  AbortError,
  InvalidConfigError,
  InvalidInputError,
  type RetryOptions,
  RivuletError,
  RunnableGenerator,
  RunnableLambda,
  RunnableRetry,
} from "rivulet";
import { RunRecorder, toArray } from "rivulet/testing";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MAX_TIMER_DELAY_MS } from "../internal/check-number-option.js";

/** A sleep seam that records the requested delays and does not wait. */
function recordingSleep() {
  const delays: number[] = [];
  const sleep = async (ms: number) => {
    delays.push(ms);
  };
  return { delays, sleep };
}

/** A lambda that fails its first `failures` calls, then returns "ok <call>". */
function flaky(failures: number) {
  let calls = 0;
  const runnable = RunnableLambda.from(
    (_: string) => {
      calls++;
      if (calls <= failures) throw new Error(`failure ${calls}`);
      return `ok ${calls}`;
    },
    { name: "flaky" },
  );
  return { runnable, calls: () => calls };
}

describe("withRetry under invoke", () => {
  it("retries until success, tagging attempt N retry:attempt:N and calling onFailedAttempt", async () => {
    const rec = new RunRecorder();
    const { sleep } = recordingSleep();
    const failed: [string, string, number][] = [];
    const { runnable, calls } = flaky(2);
    const retried = runnable.withRetry({
      stopAfterAttempt: 3,
      sleep,
      onFailedAttempt: (error, input, attempt) =>
        void failed.push([(error as Error).message, input, attempt]),
    });
    expect(retried).toBeInstanceOf(RunnableRetry);
    expect(await retried.invoke("x", { callbacks: [rec] })).toBe("ok 3");
    expect(calls()).toBe(3);
    // (error, input) as @langchain/core calls it, then the attempt number.
    expect(failed).toEqual([
      ["failure 1", "x", 1],
      ["failure 2", "x", 2],
    ]);
    const attempts = rec.entries.filter((e) => e.kind !== "start" && e.parentIds.length === 1);
    expect(attempts.map((e) => [e.kind, e.tags])).toEqual([
      ["error", ["retry:attempt:1"]],
      ["error", ["retry:attempt:2"]],
      ["end", ["retry:attempt:3"]],
    ]);
    const root = rec.entries[0]!;
    expect(root.name).toBe("flaky");
    expect(rec.entries.at(-1)).toMatchObject({ kind: "end", runId: root.runId, output: "ok 3" });
    expect(rec.openRuns()).toEqual([]);
  });

  it("waits exponentially growing delays between attempts (no jitter)", async () => {
    const { delays, sleep } = recordingSleep();
    const { runnable } = flaky(3);
    await runnable.withRetry({ stopAfterAttempt: 4, initialDelayMs: 10, jitter: false, sleep }).invoke("x");
    expect(delays).toEqual([10, 20, 40]);
  });

  it("caps each delay at maxDelayMs", async () => {
    const { delays, sleep } = recordingSleep();
    const { runnable } = flaky(4);
    await runnable
      .withRetry({ stopAfterAttempt: 5, initialDelayMs: 10, maxDelayMs: 25, jitter: false, sleep })
      .invoke("x");
    expect(delays).toEqual([10, 20, 25, 25]);
  });

  it("jitters like the provider transport: between half and all of the step, from the random seam", async () => {
    const { delays, sleep } = recordingSleep();
    const { runnable } = flaky(3);
    const draws = [0, 0.5, 0.999999];
    let draw = 0;
    const random = () => draws[draw++] ?? 0;
    await runnable.withRetry({ stopAfterAttempt: 4, initialDelayMs: 100, sleep, random }).invoke("x");
    expect(delays).toEqual([50, 150, 400]);
  });

  it("fails with an InvalidConfigError, not a retry at once, when the random seam returns NaN", async () => {
    const { delays, sleep } = recordingSleep();
    const { runnable, calls } = flaky(3);
    const retried = runnable.withRetry({ stopAfterAttempt: 4, sleep, random: () => Number.NaN });
    await expect(retried.invoke("x")).rejects.toThrow(/^random must return a number from 0 to 1/);
    expect(calls()).toBe(1);
    expect(delays).toEqual([]);
  });

  it("never jitters a delay above maxDelayMs", async () => {
    const { delays, sleep } = recordingSleep();
    const { runnable } = flaky(3);
    await runnable
      .withRetry({ stopAfterAttempt: 4, initialDelayMs: 100, maxDelayMs: 100, sleep, random: () => 0.999999 })
      .invoke("x");
    expect(delays).toEqual([100, 100, 100]);
  });

  it("does not retry errors the error table marks as not retryable (recursion limit, invalid runnable)", async () => {
    const { sleep } = recordingSleep();
    for (const code of ["recursion_limit", "invalid_runnable", "not_implemented"] as const) {
      let calls = 0;
      const failing = RunnableLambda.from((_: string): string => {
        calls++;
        throw new RivuletError(code, "cannot be fixed by trying again");
      });
      await expect(failing.withRetry({ sleep }).invoke("x")).rejects.toThrow("cannot be fixed");
      expect(calls).toBe(1);
    }
  });

  it("rejects with the last error once stopAfterAttempt is exhausted", async () => {
    const { sleep } = recordingSleep();
    const { runnable, calls } = flaky(10);
    await expect(runnable.withRetry({ stopAfterAttempt: 3, sleep }).invoke("x")).rejects.toThrow("failure 3");
    expect(calls()).toBe(3);
  });

  it("does not retry errors that retryIf rejects, nor aborts and input errors by default", async () => {
    const { sleep } = recordingSleep();
    const { runnable, calls } = flaky(10);
    await expect(runnable.withRetry({ retryIf: () => false, sleep }).invoke("x")).rejects.toThrow(
      "failure 1",
    );
    expect(calls()).toBe(1);
    for (const error of [new AbortError(), new InvalidInputError("bad")]) {
      let n = 0;
      const throwing = RunnableLambda.from((): string => {
        n++;
        throw error;
      });
      await expect(throwing.withRetry({ sleep }).invoke("x")).rejects.toBe(error);
      expect(n).toBe(1);
    }
  });
});

describe("withRetry under stream", () => {
  it("retries an attempt that fails before its first chunk", async () => {
    const { sleep } = recordingSleep();
    let attempts = 0;
    const gen = RunnableGenerator.from(async function* gen(_: AsyncIterable<string>) {
      attempts++;
      if (attempts < 3) throw new Error(`early ${attempts}`);
      yield "a";
      yield "b";
    });
    expect(await toArray(gen.withRetry({ stopAfterAttempt: 3, sleep }).stream("x"))).toEqual(["a", "b"]);
    expect(attempts).toBe(3);
  });

  it("does not retry after the first chunk: the error propagates and chunks are not repeated", async () => {
    const { sleep } = recordingSleep();
    let attempts = 0;
    const gen = RunnableGenerator.from(async function* gen(_: AsyncIterable<string>) {
      attempts++;
      yield "a";
      throw new Error("late failure");
    });
    const seen: string[] = [];
    const read = async () => {
      for await (const c of await gen.withRetry({ stopAfterAttempt: 5, sleep }).stream("x")) seen.push(c);
    };
    await expect(read()).rejects.toThrow("late failure");
    expect(seen).toEqual(["a"]);
    expect(attempts).toBe(1);
  });

  it("reports the streamed output on the retry run and closes the failed attempts", async () => {
    const rec = new RunRecorder();
    const { sleep } = recordingSleep();
    let attempts = 0;
    const gen = RunnableGenerator.from(async function* gen(_: AsyncIterable<string>) {
      attempts++;
      if (attempts === 1) throw new Error("early");
      yield "a";
      yield "b";
    });
    await toArray(gen.withRetry({ sleep }).stream("x", { callbacks: [rec] }));
    const root = rec.entries[0]!;
    expect(rec.entries.at(-1)).toMatchObject({ kind: "end", runId: root.runId, output: "ab" });
    expect(rec.entries.filter((e) => e.kind === "error")).toHaveLength(1);
    expect(rec.openRuns()).toEqual([]);
  });
});

describe("withRetry options are checked at withRetry", () => {
  const nan = Number.NaN;
  const infinity = Number.POSITIVE_INFINITY;
  const cases: [string, RetryOptions, RegExp][] = [
    ["stopAfterAttempt", { stopAfterAttempt: nan }, /^stopAfterAttempt must be a positive integer/],
    ["stopAfterAttempt", { stopAfterAttempt: -1 }, /^stopAfterAttempt must be a positive integer/],
    ["stopAfterAttempt", { stopAfterAttempt: 0 }, /^stopAfterAttempt must be a positive integer/],
    ["stopAfterAttempt", { stopAfterAttempt: 1.5 }, /^stopAfterAttempt must be a positive integer/],
    ["stopAfterAttempt", { stopAfterAttempt: infinity }, /^stopAfterAttempt must be a positive integer/],
    ["initialDelayMs", { initialDelayMs: nan }, /^initialDelayMs must be a number of milliseconds/],
    ["initialDelayMs", { initialDelayMs: -1 }, /^initialDelayMs must be a number of milliseconds/],
    ["initialDelayMs", { initialDelayMs: 2 ** 31 }, /^initialDelayMs must be a number of milliseconds/],
    ["initialDelayMs", { initialDelayMs: infinity }, /^initialDelayMs must be finite/],
    ["maxDelayMs", { maxDelayMs: nan }, /^maxDelayMs must be a number of milliseconds/],
    ["maxDelayMs", { maxDelayMs: -1 }, /^maxDelayMs must be a number of milliseconds/],
    ["maxDelayMs", { maxDelayMs: 2 ** 31 }, /^maxDelayMs must be a number of milliseconds/],
    [
      "maxDelayMs",
      { initialDelayMs: 100, maxDelayMs: 50 },
      /^maxDelayMs \(50\) must be at least initialDelayMs \(100\)/,
    ],
  ];
  it.each(cases)("rejects %s in %o", (_name, options, message) => {
    const runnable = RunnableLambda.from((x: number) => x);
    expect(() => runnable.withRetry(options)).toThrow(InvalidConfigError);
    expect(() => runnable.withRetry(options)).toThrow(message);
    expect(() => new RunnableRetry(runnable, options)).toThrow(message);
  });

  it.each([
    ["jitter", "yes", /^jitter must be true or false/],
    ["retryIf", true, /^retryIf must be a function/],
    ["onFailedAttempt", "log", /^onFailedAttempt must be a function/],
    ["sleep", 100, /^sleep must be a function/],
    ["random", 0.5, /^random must be a function/],
  ])("rejects %s: %s (an untyped caller)", (name, value, message) => {
    const runnable = RunnableLambda.from((x: number) => x);
    const options: RetryOptions = JSON.parse(JSON.stringify({ [name]: value }));
    expect(() => runnable.withRetry(options)).toThrow(InvalidConfigError);
    expect(() => runnable.withRetry(options)).toThrow(message);
  });

  it("accepts the boundaries: 1 attempt, 0 delays, the longest timer, Infinity as no cap", () => {
    const runnable = RunnableLambda.from((x: number) => x);
    for (const options of [
      { stopAfterAttempt: 1 },
      { initialDelayMs: 0, maxDelayMs: 0 },
      { initialDelayMs: MAX_TIMER_DELAY_MS, maxDelayMs: MAX_TIMER_DELAY_MS },
      { maxDelayMs: Number.POSITIVE_INFINITY },
    ]) {
      expect(() => runnable.withRetry(options)).not.toThrow();
    }
  });

  it("does not cap an initialDelayMs above the default maxDelayMs silently", async () => {
    const { delays, sleep } = recordingSleep();
    const { runnable } = flaky(2);
    await runnable.withRetry({ initialDelayMs: 20_000, jitter: false, sleep }).invoke("x");
    expect(delays).toEqual([20_000, 20_000]);
  });

  it("never asks for a delay longer than a timer can wait (a longer one would fire after 1 ms)", async () => {
    const { delays, sleep } = recordingSleep();
    const { runnable } = flaky(2);
    await runnable
      .withRetry({ initialDelayMs: 2 ** 30, maxDelayMs: Number.POSITIVE_INFINITY, jitter: false, sleep })
      .invoke("x");
    expect(delays).toEqual([2 ** 30, MAX_TIMER_DELAY_MS]);
  });
});

describe("withRetry's wait between attempts", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each(["invoke", "stream"])(
    "under %s, is cancelled by the caller's signal and leaves no timer behind",
    async (mode) => {
      vi.useFakeTimers();
      const controller = new AbortController();
      const { runnable, calls } = flaky(10);
      const retried = runnable.withRetry({
        stopAfterAttempt: 5,
        initialDelayMs: 60_000,
        jitter: false,
        // Abort once the first attempt has failed: the retry is then waiting for its timer.
        onFailedAttempt: () => void queueMicrotask(() => controller.abort()),
      });
      const call =
        mode === "invoke"
          ? retried.invoke("x", { signal: controller.signal })
          : toArray(retried.stream("x", { signal: controller.signal }));
      await expect(call).rejects.toSatisfy(AbortError.isInstance);
      expect(calls()).toBe(1);
      expect(vi.getTimerCount()).toBe(0);
    },
  );
});
