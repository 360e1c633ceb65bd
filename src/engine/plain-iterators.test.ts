import {
  InvalidInputError,
  RunnableGenerator,
  RunnableLambda,
  RunnableSequence,
  StringOutputParser,
} from "rivulet";
import { RunRecorder } from "rivulet/testing";
import { describe, expect, it } from "vitest";

// The run driver, the recorded streamed input and the event pump are plain iterators, not async
// generators; these pin the generator semantics they keep: calls made while one is in flight
// wait for it, in order, and closing waits for the step in flight before closing every run.

const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function chain() {
  const source = RunnableGenerator.from(
    async function* source(_: AsyncIterable<string>) {
      for (const word of ["a", "b", "c"]) {
        await delay(1);
        yield word;
      }
    },
    { name: "source" },
  );
  const upper = RunnableGenerator.from(
    async function* upper(input: AsyncIterable<string>) {
      for await (const word of input) yield word.toUpperCase();
    },
    { name: "upper" },
  );
  return RunnableSequence.from([RunnableLambda.from((x: string) => x, { name: "first" }), source, upper]);
}

describe("observed stream(): generator call semantics", () => {
  it("next() calls made together resolve in order, then done", async () => {
    const rec = new RunRecorder();
    const stream = await chain().stream("go", { callbacks: [rec] });
    const iterator = stream[Symbol.asyncIterator]();
    const results = await Promise.all([iterator.next(), iterator.next(), iterator.next(), iterator.next()]);
    expect(results).toEqual([
      { done: false, value: "A" },
      { done: false, value: "B" },
      { done: false, value: "C" },
      { done: true, value: undefined },
    ]);
    expect(rec.openRuns()).toEqual([]);
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
  });

  it("return() while a next() is in flight waits for it, then closes every run", async () => {
    const rec = new RunRecorder();
    const stream = await chain().stream("go", { callbacks: [rec] });
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.next();
    const pending = iterator.next();
    const returned = iterator.return?.();
    expect(await pending).toEqual({ done: false, value: "B" });
    expect(await returned).toEqual({ done: true, value: undefined });
    expect(rec.openRuns()).toEqual([]);
    expect(rec.lines().filter((line) => line.startsWith("error:"))).toContain("error:RunnableSequence");
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
  });
});

describe("streamEvents: generator call semantics", () => {
  it("next() calls made together get consecutive events", async () => {
    const label = (e: { event: string; name: string }) => `${e.event} ${e.name}`;
    const expected: string[] = [];
    for await (const e of chain().streamEvents("go", { version: "v2" })) expected.push(label(e));
    const iterator = chain().streamEvents("go", { version: "v2" })[Symbol.asyncIterator]();
    const seen: string[] = [];
    for (;;) {
      const results = await Promise.all([iterator.next(), iterator.next(), iterator.next()]);
      for (const r of results) if (!r.done) seen.push(label(r.value));
      if (results.some((r) => r.done)) break;
    }
    expect(seen).toEqual(expected);
    expect(expected.slice(0, 2)).toEqual(["on_chain_start RunnableSequence", "on_chain_start first"]);
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
  });

  it("return() while a next() waits for an event closes every run once that event came", async () => {
    const rec = new RunRecorder();
    const events = chain().streamEvents("go", { version: "v2", callbacks: [rec] });
    const iterator = events[Symbol.asyncIterator]();
    const pending = iterator.next();
    const returned = iterator.return?.();
    expect((await pending).done).toBe(false);
    expect(await returned).toEqual({ done: true, value: undefined });
    expect(rec.openRuns()).toEqual([]);
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
  });

  it("return() before the first next() starts nothing", async () => {
    const rec = new RunRecorder();
    const events = chain().streamEvents("go", { version: "v2", callbacks: [rec] });
    const iterator = events[Symbol.asyncIterator]();
    expect(await iterator.return?.()).toEqual({ done: true, value: undefined });
    expect(rec.entries).toEqual([]);
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
  });
});

describe("a parser's text map inside its recorded input", () => {
  it("records the chunks it read and closes its source when a chunk is not text", async () => {
    const rec = new RunRecorder();
    let closed = false;
    const source = RunnableGenerator.from(
      async function* source(_: AsyncIterable<string>) {
        try {
          yield "a";
          yield 5 as unknown as string;
          yield "never";
        } finally {
          closed = true;
        }
      },
      { name: "source" },
    );
    const chain = RunnableSequence.from([
      RunnableLambda.from((x: string) => x),
      source,
      new StringOutputParser(),
    ]);
    const seen: string[] = [];
    const reading = (async () => {
      for await (const e of chain.streamEvents("go", { version: "v2", callbacks: [rec] })) seen.push(e.event);
    })();
    await expect(reading).rejects.toSatisfy(InvalidInputError.isInstance);
    expect(closed).toBe(true);
    expect(rec.openRuns()).toEqual([]);
    const parserError = rec.entries.find((e) => e.kind === "error" && e.name === "StrOutputParser");
    // The fold of what it read, as before the map moved inside the recorded input.
    expect(parserError?.input).toBe(5);
  });
});
