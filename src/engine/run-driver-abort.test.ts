import {
  AbortError,
  isAbortError,
  RivuletError,
  RunnableGenerator,
  RunnableLambda,
  RunnableSequence,
  TimeoutError,
} from "rivulet";
import { RunRecorder, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";

const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A sleep that does not keep the process alive (the run under test is expected to stop waiting). */
const longSleep = (ms: number) =>
  new Promise<void>((r) => {
    setTimeout(r, ms).unref();
  });

/** Yields "first" at once, then hangs for 10 s before "second". */
const stallsAfterFirst = RunnableGenerator.from(async function* stalls(_: AsyncIterable<string>) {
  yield "first";
  await longSleep(10_000);
  yield "second";
});
const relay = RunnableGenerator.from(async function* relay(input: AsyncIterable<string>) {
  for await (const c of input) yield c;
});

/** Reads the stream, calling `onChunk` after each chunk; returns the chunks and the error it ended with. */
async function readUntilError(
  stream: AsyncIterable<string>,
  onChunk: () => void = () => {},
): Promise<{ seen: string[]; error: unknown }> {
  const seen: string[] = [];
  try {
    for await (const c of stream) {
      seen.push(c);
      onChunk();
    }
  } catch (error) {
    return { seen, error };
  }
  return { seen, error: undefined };
}

describe("abort via signal", () => {
  it("rejects mid-stream with a typed AbortError and closes every run", { timeout: 2000 }, async () => {
    const rec = new RunRecorder();
    const controller = new AbortController();
    const chain = RunnableSequence.from<string, string>([stallsAfterFirst, relay]);
    const stream = await chain.stream("go", { callbacks: [rec], signal: controller.signal });
    const { seen, error } = await readUntilError(stream, () => setTimeout(() => controller.abort(), 5));
    expect(seen).toEqual(["first"]);
    expect(AbortError.isInstance(error)).toBe(true);
    expect(RivuletError.isInstance(error)).toBe(true);
    expect((error as AbortError).code).toBe("aborted");
    expect(isAbortError(error)).toBe(true);
    expect(rec.openRuns()).toEqual([]);
    // Inner runs close before the runs that contain them.
    expect(rec.lines().filter((l) => l.startsWith("error:"))).toEqual([
      "error:stalls",
      "error:relay",
      "error:RunnableSequence",
    ]);
  });

  it("keeps the abort reason on the AbortError", { timeout: 2000 }, async () => {
    const controller = new AbortController();
    const sleeper = RunnableLambda.from(async (x: number) => {
      await longSleep(10_000);
      return x;
    });
    const pending = sleeper.invoke(1, { signal: controller.signal });
    controller.abort("user cancelled");
    const error = await pending.catch((e: unknown) => e);
    expect(AbortError.isInstance(error)).toBe(true);
    expect((error as AbortError).reason).toBe("user cancelled");
  });

  it("interrupts a long await inside a lambda under invoke; the inner run fails before its parent", {
    timeout: 2000,
  }, async () => {
    const rec = new RunRecorder();
    const controller = new AbortController();
    const sleeper = RunnableLambda.from(
      async (x: number) => {
        await longSleep(10_000);
        return x;
      },
      { name: "sleeper" },
    );
    const chain = RunnableSequence.from([(x: number) => x, sleeper]);
    setTimeout(() => controller.abort(), 20);
    await expect(chain.invoke(1, { callbacks: [rec], signal: controller.signal })).rejects.toSatisfy(
      AbortError.isInstance,
    );
    expect(rec.openRuns()).toEqual([]);
    expect(rec.lines().filter((l) => l.startsWith("error:"))).toEqual([
      "error:sleeper",
      "error:RunnableSequence",
    ]);
  });

  it("with an already-aborted signal starts no run and calls no function", async () => {
    const rec = new RunRecorder();
    let called = false;
    const fn = RunnableLambda.from((x: number) => {
      called = true;
      return x;
    });
    const signal = AbortSignal.abort();
    await expect(fn.invoke(1, { callbacks: [rec], signal })).rejects.toSatisfy(AbortError.isInstance);
    await expect(toArray(fn.stream(1, { callbacks: [rec], signal }))).rejects.toSatisfy(
      AbortError.isInstance,
    );
    await expect(fn.batch([1, 2], { callbacks: [rec], signal })).rejects.toSatisfy(AbortError.isInstance);
    expect(called).toBe(false);
    expect(rec.entries).toEqual([]);
  });

  it("stream() resolves even with an aborted signal; reading it rejects", async () => {
    const fn = RunnableLambda.from((x: number) => x);
    const stream = await fn.stream(1, { signal: AbortSignal.abort() });
    await expect(stream.getReader().read()).rejects.toSatisfy(AbortError.isInstance);
  });
});

describe("timeout", () => {
  it("interrupts a 10 s sleep inside a lambda with a TimeoutError after 50 ms", {
    timeout: 2000,
  }, async () => {
    const rec = new RunRecorder();
    const sleeper = RunnableLambda.from(
      async (x: number) => {
        await longSleep(10_000);
        return x;
      },
      { name: "sleeper" },
    );
    const error = await sleeper.invoke(1, { callbacks: [rec], timeout: 50 }).catch((e: unknown) => e);
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect((error as TimeoutError).code).toBe("timeout");
    expect((error as TimeoutError).timeoutMs).toBe(50);
    expect(isAbortError(error)).toBe(true);
    expect(AbortError.isInstance(error)).toBe(false);
    expect(rec.lines()).toEqual(["start:sleeper", "error:sleeper"]);
  });

  it("rejects mid-stream with a TimeoutError and closes every run", { timeout: 2000 }, async () => {
    const rec = new RunRecorder();
    const chain = RunnableSequence.from<string, string>([stallsAfterFirst, relay]);
    const { seen, error } = await readUntilError(await chain.stream("go", { callbacks: [rec], timeout: 50 }));
    expect(seen).toEqual(["first"]);
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect(rec.openRuns()).toEqual([]);
  });

  it("does not fire after the run finished in time", async () => {
    const fast = RunnableLambda.from(async (x: number) => {
      await delay(1);
      return x;
    });
    expect(await fast.invoke(7, { timeout: 1000 })).toBe(7);
    expect(await toArray(fast.stream(7, { timeout: 1000 }))).toEqual([7]);
  });

  it("applies to nested calls inside a lambda (they share the deadline)", { timeout: 2000 }, async () => {
    const inner = RunnableLambda.from(
      async (x: number) => {
        await longSleep(10_000);
        return x;
      },
      { name: "inner" },
    );
    const outer = RunnableLambda.from((x: number) => inner.invoke(x), { name: "outer" });
    await expect(outer.invoke(1, { timeout: 30 })).rejects.toSatisfy(TimeoutError.isInstance);
  });
});

describe("timeout bound to one step", () => {
  it("fails the chain with a TimeoutError when that step is too slow", { timeout: 2000 }, async () => {
    const rec = new RunRecorder();
    const slow = RunnableLambda.from(
      async (x: number) => {
        await longSleep(10_000);
        return x;
      },
      { name: "slow" },
    ).withConfig({ timeout: 20 });
    const chain = RunnableSequence.from<number, number>([(x: number) => x, slow]);
    await expect(chain.invoke(1, { callbacks: [rec] })).rejects.toSatisfy(TimeoutError.isInstance);
    await expect(toArray(chain.stream(1))).rejects.toSatisfy(TimeoutError.isInstance);
    expect(rec.openRuns()).toEqual([]);
  });
});
