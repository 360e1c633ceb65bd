import { Runnable, RunnableGenerator, RunnableLambda, type RunnableShape, type RunScope } from "rivulet";
import { RunRecorder } from "rivulet/testing";
import { describe, expect, it } from "vitest";

// ChildStop.stop() waits for the run's children to close. A child streamed with no signal and
// no observer is handed to its reader as it is (RunStream's direct path), so the driver never
// sees it end: it must not be counted as a child to wait for, or stop() waits for ever (an
// agent's run that streamed its model, then stopped its tools, did).

const HANG_MS = 1000;

/** `work`, or a "hang" error once `ms` have passed, so a regression fails instead of stalling CI. */
async function within<T>(work: Promise<T>, ms: number = HANG_MS): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`hang: not settled after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, hang]);
  } finally {
    clearTimeout(timer);
  }
}

const letters = RunnableGenerator.from(
  async function* (input: AsyncIterable<string>) {
    for await (const text of input) for (const letter of text) yield letter;
  },
  { name: "letters" },
);

/**
 * Streams `child` with its plain child config (no signal when the call has none), then, however
 * its stream ends, stops its children as a map does: the ChildStop must not wait for `child`.
 */
class StreamsThenStops extends Runnable<string, string> {
  override readonly shape: RunnableShape = { input: "whole", output: "chunks" };
  readonly #child: Runnable<string, string>;
  stopped = false;

  constructor(child: Runnable<string, string>) {
    super();
    this.#child = child;
  }

  override async *_stream(input: string, scope: RunScope): AsyncIterable<string> {
    const stop = scope.childStop();
    try {
      for await (const chunk of await this.#child.stream(input, scope.childConfig())) yield chunk;
    } finally {
      await stop.stop();
      this.stopped = true;
    }
  }
}

async function readAll(
  stream: AsyncIterable<string>,
  breakAfter = Number.POSITIVE_INFINITY,
): Promise<string[]> {
  const seen: string[] = [];
  for await (const chunk of stream) {
    seen.push(chunk);
    if (seen.length >= breakAfter) break;
  }
  return seen;
}

describe("ChildStop.stop() after an unobserved child streamed without a signal", () => {
  it("returns when the consumer breaks out of the parent's stream (generator child)", async () => {
    const parent = new StreamsThenStops(letters);
    expect(await within(readAll(await parent.stream("abcdef"), 2))).toEqual(["a", "b"]);
    expect(parent.stopped).toBe(true);
  });

  it("returns when the child's stream was read to its end (lambda generator child)", async () => {
    const child = RunnableLambda.from(async function* (text: string) {
      yield* text.split(" ");
    });
    const parent = new StreamsThenStops(child);
    expect(await within(readAll(await parent.stream("x y z")))).toEqual(["x", "y", "z"]);
    expect(parent.stopped).toBe(true);
  });

  it("returns under invoke too (the parent's stream folded)", async () => {
    const parent = new StreamsThenStops(letters);
    expect(await within(parent.invoke("abc"))).toBe("abc");
  });

  it("still closes every run when the same chain is observed", async () => {
    const recorder = new RunRecorder();
    const parent = new StreamsThenStops(letters);
    expect(await within(readAll(await parent.stream("abcdef", { callbacks: [recorder] }), 2))).toEqual([
      "a",
      "b",
    ]);
    expect(recorder.openRuns()).toEqual([]);
  });
});
