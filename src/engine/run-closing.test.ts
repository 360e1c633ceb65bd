import {
  type AIMessageChunk,
  BaseCallbackHandler,
  BaseChatModel,
  Runnable,
  RunnableGenerator,
  RunnableLambda,
  RunnableParallel,
  RunnablePassthrough,
  RunnableSequence,
  type RunnableShape,
  type RunScope,
} from "rivulet";
import { RunRecorder, toArray } from "rivulet/testing";
import { describe, expect, expectTypeOf, it } from "vitest";

const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function* twoChunks(_: string) {
  yield "a";
  yield "b";
}

describe("retry/fallbacks under streaming", () => {
  it("withRetry: breaking after the first chunk closes the attempt run", async () => {
    const rec = new RunRecorder();
    const inner = RunnableLambda.from(twoChunks, { name: "inner" });
    const robust = inner.withRetry({ stopAfterAttempt: 2 });
    for await (const _ of await robust.stream("x", { callbacks: [rec] })) break;
    expect(rec.openRuns()).toEqual([]);
  });

  it("withFallbacks: breaking after the first chunk closes the primary's run", async () => {
    const rec = new RunRecorder();
    const primary = RunnableLambda.from(twoChunks, { name: "primary" });
    const backup = RunnableLambda.from(twoChunks, { name: "backup" });
    const robust = primary.withFallbacks([backup]);
    for await (const _ of await robust.stream("x", { callbacks: [rec] })) break;
    expect(rec.openRuns()).toEqual([]);
  });
});

describe("sync throw in a custom _stream", () => {
  it("a Runnable whose _stream throws synchronously fails its run (not left open)", async () => {
    class Strict extends Runnable<string, string> {
      override readonly shape: RunnableShape = { input: "whole", output: "chunks" };
      override _stream(input: string): AsyncIterable<string> {
        if (input === "") throw new Error("empty input");
        return (async function* () {
          yield input;
        })();
      }
    }
    const rec = new RunRecorder();
    await expect(toArray(new Strict().stream("", { callbacks: [rec] }))).rejects.toThrow("empty input");
    expect(rec.lines()).toEqual(["start:Strict", "error:Strict"]);
  });
});

describe("a generator step that never reads its input", () => {
  it("closes the upstream step's run when the sequence ends", { timeout: 3000 }, async () => {
    const rec = new RunRecorder();
    let upstreamFinally = false;
    const upstream = RunnableGenerator.from(async function* upstream(_: AsyncIterable<string>) {
      try {
        yield "a";
        yield "b";
      } finally {
        upstreamFinally = true;
      }
    });
    const ignoring = RunnableGenerator.from(async function* ignoring(_: AsyncIterable<string>) {
      yield "x";
    });
    const chain = RunnableSequence.from([upstream, ignoring]);
    expect(await toArray(chain.stream("go", { callbacks: [rec] }))).toEqual(["x"]);
    expect(rec.openRuns()).toEqual([]);
    expect(upstreamFinally).toBe(true);
  });
});

describe("IterableReadableStream via getReader", () => {
  it("reader.cancel() while a read is pending returns at once and closes the run", {
    timeout: 3000,
  }, async () => {
    const rec = new RunRecorder();
    let finallyRan = false;
    const slow = RunnableLambda.from(
      async function* slow(_: string) {
        try {
          yield "first";
          await delay(2_000);
          yield "never";
        } finally {
          finallyRan = true;
        }
      },
      { name: "slow" },
    );
    const stream = await slow.stream("x", { callbacks: [rec] });
    const reader = stream.getReader();
    expect((await reader.read()).value).toBe("first");
    const pending = reader.read();
    await delay(10);
    const cancelled = Promise.race([reader.cancel().then(() => "cancelled"), delay(500).then(() => "hung")]);
    expect(await cancelled).toBe("cancelled");
    expect((await pending).done).toBe(true);
    expect(rec.openRuns()).toEqual([]);
    // The generator is in the middle of an await that ignores the signal: its own `finally` runs
    // when that await ends (the driver never waits on user code that ignores cancellation).
    expect(finallyRan).toBe(false);
  });
});

describe("maps under plain stream() (no signal)", () => {
  it("RunnableParallel: breaking closes every branch run before the loop ends, children before the map", async () => {
    const rec = new RunRecorder();
    const map = RunnableParallel.from({
      fast: RunnableLambda.from(async function* fast(_: number) {
        yield 1;
        yield 2;
      }),
      slow: RunnableLambda.from(
        async (x: number) => {
          await delay(50);
          return x;
        },
        { name: "slow" },
      ),
    });
    for await (const _ of await map.stream(1, { callbacks: [rec] })) break;
    expect(rec.openRuns()).toEqual([]);
    const closing = rec.lines().filter((l) => l.startsWith("error:") || l.startsWith("end:"));
    expect(closing.at(-1)).toBe("error:RunnableParallel<fast,slow>");
  });

  it("RunnablePassthrough.assign: breaking at the first chunk closes the mapper's runs", async () => {
    const rec = new RunRecorder();
    const inc = RunnableLambda.from(
      async (x: { a: number }) => {
        await delay(20);
        return x.a + 1;
      },
      { name: "inc" },
    );
    const chain = RunnablePassthrough.assign({ n: inc });
    for await (const _ of await chain.stream({ a: 1 }, { callbacks: [rec] })) break;
    expect(rec.openRuns()).toEqual([]);
  });

  it("RunnablePassthrough.assign: a run whose opening is still pending when the consumer stops is never left open", async () => {
    const rec = new RunRecorder();
    // An observer that is slow to acknowledge starts (e.g. a tracer writing to a DB).
    const slowStart = { awaitHandlers: true, onRunStart: () => delay(20) };
    const inc = RunnableLambda.from((x: { a: number }) => x.a + 1, { name: "inc" });
    const chain = RunnablePassthrough.assign({ n: inc });
    for await (const _ of await chain.stream({ a: 1 }, { callbacks: [rec, slowStart] })) break;
    await delay(200); // give any straggler every chance to close
    expect(rec.openRuns()).toEqual([]);
  });

  it("a failing branch stops the upstream step: no run open and no more upstream work after the rejection", async () => {
    const rec = new RunRecorder();
    let produced = 0;
    const upstream = RunnableGenerator.from(async function* upstream(_: AsyncIterable<string>) {
      for (let i = 0; i < 10; i++) {
        await delay(20);
        produced++;
        yield `t${i}`;
      }
    });
    const failing = RunnableGenerator.from(async function* failing(input: AsyncIterable<string>) {
      for await (const _ of input) throw new Error("boom");
      yield "unreachable";
    });
    const length = RunnableLambda.from((s: string) => s.length, { name: "length" });
    const chain = RunnableSequence.from([upstream, { a: failing, b: length }]);
    await expect(toArray(chain.stream("go", { callbacks: [rec] }))).rejects.toThrow("boom");
    expect(rec.openRuns()).toEqual([]);
    const producedAtReject = produced;
    await delay(100);
    expect(produced).toBe(producedAtReject);
  });
});

describe("an observer that raises on start", () => {
  it("under stream(), a nested run whose start notification throws is still closed for the other observers", async () => {
    const rec = new RunRecorder();
    class RaiseOnInner extends BaseCallbackHandler {
      name = "raise-on-inner";
      override raiseError = true;
      handleChainStart(...args: unknown[]) {
        if (args[7] === "inner") throw new Error("handler boom");
      }
    }
    const a = RunnableLambda.from((x: number) => x, { name: "a" });
    const inner = RunnableLambda.from((x: number) => x, { name: "inner" });
    const chain = RunnableSequence.from([a, inner]);
    await expect(toArray(chain.stream(1, { callbacks: [rec, new RaiseOnInner()] }))).rejects.toThrow(
      "handler boom",
    );
    expect(rec.openRuns()).toEqual([]);
  });
});

describe("public types", () => {
  it("pipe(async function*) is typed with the generator's chunk type, which is what invoke folds to", async () => {
    const chain = RunnableLambda.from((s: string) => s).pipe(async function* letters(
      input: AsyncIterable<string>,
    ) {
      for await (const s of input) for (const ch of s) yield ch;
    });
    const out: string = await chain.invoke("ab");
    expect(out).toBe("ab");
    expectTypeOf(chain.invoke).returns.resolves.toEqualTypeOf<string>();
  });
});

describe("a run whose aggregator fails", () => {
  /** Streams two chunks through `inner`; its fold throws as told. */
  class BadFold extends Runnable<string, string> {
    override readonly shape: RunnableShape = { input: "whole", output: "chunks" };
    override readonly awaitsOnlyChildRuns = true;
    readonly #failIn: "add" | "result";
    constructor(failIn: "add" | "result") {
      super();
      this.#failIn = failIn;
      this.name = `badFold-${failIn}`;
    }
    override createAggregator() {
      const failIn = this.#failIn;
      return {
        add() {
          if (failIn === "add") throw new Error("cannot fold this chunk");
        },
        result(): string {
          throw new Error("cannot produce a result");
        },
      };
    }
    override async *_stream(input: string, scope: RunScope): AsyncIterable<string> {
      yield* await RunnableLambda.from(twoChunks, { name: "inner" }).stream(input, scope.childConfig());
    }
  }

  it("fails (not left open) when the fold of a chunk throws, after its child run closed", async () => {
    const rec = new RunRecorder();
    await expect(toArray(new BadFold("add").stream("x", { callbacks: [rec] }))).rejects.toThrow(
      "cannot fold",
    );
    expect(rec.openRuns()).toEqual([]);
    expect(rec.lines()).toEqual([
      "start:badFold-add",
      "start:inner",
      "stream:inner",
      "error:inner",
      "error:badFold-add",
    ]);
  });

  it("fails (not left open) when the result of the fold throws", async () => {
    const rec = new RunRecorder();
    await expect(toArray(new BadFold("result").stream("x", { callbacks: [rec] }))).rejects.toThrow(
      "cannot produce",
    );
    expect(rec.openRuns()).toEqual([]);
    expect(rec.lines().at(-1)).toBe("error:badFold-result");
  });

  it("a model's fallback that streams objects is folded with concat", async () => {
    class DownModel extends BaseChatModel {
      _llmType(): string {
        return "down";
      }
      // biome-ignore lint/correctness/useYield: a model that fails before its first chunk
      override async *_streamChunks(): AsyncIterable<AIMessageChunk> {
        throw new Error("primary down");
      }
    }
    const backup = RunnableLambda.from(async function* backup(_: string) {
      yield { part: "a" };
      yield { part: "b" };
    });
    const robust = new DownModel({}).withFallbacks([backup as unknown as Runnable<string, AIMessageChunk>]);
    const rec = new RunRecorder();
    const outputs: unknown[] = [];
    for await (const event of robust.streamEvents("x", { version: "v2", callbacks: [rec] })) {
      if (event.event === "on_chain_end" && event.name === "RunnableWithFallbacks")
        outputs.push(event.data.output);
    }
    expect(outputs).toEqual([{ part: "ab" }]);
    expect(rec.openRuns()).toEqual([]);
  });
});
