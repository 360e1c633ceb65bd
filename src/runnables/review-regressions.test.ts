import {
  AIMessageChunk,
  AIMessageChunkAggregator,
  ConcatAggregator,
  InvalidConfigError,
  InvalidInputError,
  Runnable,
  RunnableGenerator,
  RunnableLambda,
  RunnableParallel,
  type RunnableShape,
} from "rivulet";
import { RunRecorder, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";

// Defects a hostile review found in the reliability fixes; each test failed before its fix.

/** A runnable whose `_stream` returns whatever it is given (an untyped JavaScript implementation). */
class Returns extends Runnable<number, number> {
  override readonly shape: RunnableShape = { input: "whole", output: "chunks" };
  readonly #output: () => unknown;
  constructor(output: () => unknown) {
    super();
    this.#output = output;
    this.name = "Returns";
  }
  override _stream(): AsyncIterable<number> {
    const output: unknown = this.#output();
    // biome-ignore lint/suspicious/noExplicitAny: the point is an implementation that breaks the types
    return output as any;
  }
}

describe("a _stream that returns no async iterable", () => {
  it("a plain iterable is streamed and the run closes", async () => {
    const recorder = new RunRecorder();
    expect(await toArray(new Returns(() => [1, 2, 3]).stream(1, { callbacks: [recorder] }))).toEqual([
      1, 2, 3,
    ]);
    expect(recorder.openRuns()).toEqual([]);
  });

  it("anything else is an InvalidInputError and the run fails (not left open)", async () => {
    const recorder = new RunRecorder();
    await expect(toArray(new Returns(() => 42).stream(1, { callbacks: [recorder] }))).rejects.toThrow(
      InvalidInputError,
    );
    expect(recorder.lines()).toEqual(["start:Returns", "error:Returns"]);
  });
});

describe("closing while the run is opening", () => {
  it("the iterator taken from the source is the one closed (a ReadableStream is cancelled)", async () => {
    let cancelled = false;
    const fromReadable = new Returns(
      () =>
        new ReadableStream<number>({
          pull(controller) {
            controller.enqueue(1);
          },
          cancel() {
            cancelled = true;
          },
        }),
    );
    const iterator = (await fromReadable.stream(1))[Symbol.asyncIterator]();
    const pending = iterator.next();
    await iterator.return?.();
    await pending;
    expect(cancelled).toBe(true);
  });

  it("a next() after return() gives done, and nothing is reported after the run closed", async () => {
    const recorder = new RunRecorder();
    const slow = RunnableLambda.from(async function* slow(x: string) {
      yield x;
      yield x;
    });
    const iterator = (await slow.stream("a", { callbacks: [recorder] }))[Symbol.asyncIterator]();
    const pending = iterator.next();
    await iterator.return?.();
    await pending;
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
    expect(recorder.lines().filter((line) => line.startsWith("stream:"))).toEqual([]);
    expect(recorder.openRuns()).toEqual([]);
  });
});

describe("folds never change what they handed out", () => {
  it("ConcatAggregator: a result is not appended to by later array chunks", () => {
    const aggregator = new ConcatAggregator<number[]>();
    aggregator.add([1]);
    aggregator.add([2]);
    const first = aggregator.result();
    aggregator.add([3]);
    expect(first).toEqual([1, 2]);
    expect(aggregator.result()).toEqual([1, 2, 3]);
  });

  it("streamLog's final_output grows snapshot by snapshot", async () => {
    const lists = RunnableGenerator.from(async function* lists(_: AsyncIterable<unknown>) {
      for (let i = 0; i < 4; i++) yield [i];
    });
    const seen: string[] = [];
    for await (const patch of RunnableLambda.from((x: number) => x, { name: "start" })
      .pipe(lists)
      .streamLog(1)) {
      for (const op of patch.ops)
        if (op.path === "/final_output" && op.op === "replace") seen.push(JSON.stringify(op.value));
    }
    expect(seen).toEqual(["[0]", "[0,1]", "[0,1,2]", "[0,1,2,3]"]);
  });

  it("AIMessageChunkAggregator keeps an empty id as concat does", () => {
    const chunks = [
      new AIMessageChunk({ content: "a", id: "" }),
      new AIMessageChunk({ content: "b", id: "" }),
    ];
    const aggregator = new AIMessageChunkAggregator();
    for (const chunk of chunks) aggregator.add(chunk);
    expect(aggregator.result()?.id).toBe(chunks[0]!.concat(chunks[1]!).id);
  });
});

describe("odd values and names", () => {
  it("a numeric option that is an object without a string form is still an InvalidConfigError", async () => {
    const identity = RunnableLambda.from((x: number) => x);
    const timeout: unknown = Object.create(null);
    // biome-ignore lint/suspicious/noExplicitAny: an untyped caller
    await expect(identity.invoke(1, { timeout: timeout as any })).rejects.toThrow(InvalidConfigError);
    // biome-ignore lint/suspicious/noExplicitAny: an untyped caller
    await expect(identity.invoke(1, { timeout: timeout as any })).rejects.toThrow("got an object");
  });

  it("a map branch keyed __proto__ (from JSON) is a branch, and its output keeps the key", async () => {
    const keys: Record<string, unknown> = JSON.parse('{"__proto__": 1, "a": 2}');
    const steps: Record<string, unknown> = {};
    for (const key of Object.keys(keys)) {
      Object.defineProperty(steps, key, { value: (x: number) => x + 1, enumerable: true });
    }
    const map = new RunnableParallel({ steps });
    expect(Object.keys(map.steps)).toEqual(["__proto__", "a"]);
    const output = await map.invoke(1);
    expect(Object.keys(output)).toEqual(["__proto__", "a"]);
    expect(Object.getPrototypeOf(output)).toBe(Object.prototype);
  });
});
