import { RunnableGenerator, RunnableLambda, RunnableSequence } from "rivulet";
import { fromArray, RunRecorder, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";

const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

describe("RunnableGenerator", () => {
  it("receives the input stream in a pipe: it sees chunks one by one and yields before upstream ends", async () => {
    const log: string[] = [];
    let upstreamDone = false;
    const upstream = RunnableGenerator.from(async function* upstream(_: AsyncIterable<string>) {
      for (const c of ["a", "b", "c"]) {
        await delay(5);
        log.push(`up:${c}`);
        yield c;
      }
      upstreamDone = true;
    });
    const chain = upstream.pipe(async function* shout(input: AsyncIterable<string>) {
      for await (const c of input) {
        log.push(`down:${c}`);
        yield c.toUpperCase();
      }
    });
    const seenBeforeUpstreamEnded: string[] = [];
    for await (const chunk of await chain.stream("go")) {
      log.push(`out:${chunk}`);
      if (!upstreamDone) seenBeforeUpstreamEnded.push(chunk);
    }
    expect(log).toEqual(["up:a", "down:a", "out:A", "up:b", "down:b", "out:B", "up:c", "down:c", "out:C"]);
    expect(seenBeforeUpstreamEnded).toEqual(["A", "B", "C"]);
  });

  it("turns a bare async function* given to pipe into a RunnableGenerator named after it", () => {
    const chain = RunnableLambda.from((s: string) => s).pipe(async function* echo(
      input: AsyncIterable<string>,
    ) {
      yield* input;
    });
    const steps = (chain as RunnableSequence).steps;
    expect(steps[1]).toBeInstanceOf(RunnableGenerator);
    expect(steps[1]!.getName()).toBe("echo");
  });

  it("gets a single-item stream when invoked or streamed with a whole input", async () => {
    const count = RunnableGenerator.from(async function* count(input: AsyncIterable<string>) {
      let n = 0;
      for await (const _ of input) n++;
      yield `items=${n}`;
    });
    expect(await count.invoke("whole")).toBe("items=1");
    expect(await toArray(count.stream("whole"))).toEqual(["items=1"]);
    expect(await toArray(count.transform(fromArray(["a", "b", "c"])))).toEqual(["items=3"]);
  });

  it("folds its yields with concat under invoke", async () => {
    const parts = RunnableGenerator.from(async function* parts(_: AsyncIterable<string>) {
      yield "He";
      yield "llo";
    });
    expect(await parts.invoke("x")).toBe("Hello");
  });

  it("records the aggregated streamed-in input and output on its run", async () => {
    const rec = new RunRecorder();
    const source = RunnableGenerator.from(async function* source(_: AsyncIterable<string>) {
      yield "x";
      yield "y";
    });
    const upper = RunnableGenerator.from(async function* upper(input: AsyncIterable<string>) {
      for await (const c of input) yield c.toUpperCase();
    });
    await toArray(RunnableSequence.from([source, upper]).stream("in", { callbacks: [rec] }));
    const start = rec.entries.find((e) => e.kind === "start" && e.name === "upper");
    const end = rec.entries.find((e) => e.kind === "end" && e.name === "upper");
    expect(start && "input" in start).toBe(false);
    expect(end?.input).toBe("xy");
    expect(end?.output).toBe("XY");
  });

  it("fails its run and rejects the stream when the generator throws", async () => {
    const rec = new RunRecorder();
    const failing = RunnableGenerator.from(async function* failing(_: AsyncIterable<string>) {
      yield "ok";
      throw new Error("generator failed");
    });
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const c of await failing.stream("x", { callbacks: [rec] })) seen.push(c);
      })(),
    ).rejects.toThrow("generator failed");
    expect(seen).toEqual(["ok"]);
    expect(rec.lines()).toEqual(["start:failing", "stream:failing", "error:failing"]);
  });
});

describe("RunnableGenerator failing downstream", () => {
  it("closes the upstream generator (finally runs) when a downstream step throws", async () => {
    const rec = new RunRecorder();
    let upstreamClosed = false;
    const upstream = RunnableGenerator.from(async function* upstream(_: AsyncIterable<string>) {
      try {
        for (let i = 0; ; i++) {
          await delay(1);
          yield `u${i}`;
        }
      } finally {
        upstreamClosed = true;
      }
    });
    const picky = RunnableGenerator.from(async function* picky(input: AsyncIterable<string>) {
      for await (const c of input) {
        if (c === "u1") throw new Error("picky failed");
        yield c;
      }
    });
    const chain = RunnableSequence.from<string, string>([upstream, picky]);
    await expect(toArray(chain.stream("x", { callbacks: [rec] }))).rejects.toThrow("picky failed");
    expect(upstreamClosed).toBe(true);
    expect(rec.openRuns()).toEqual([]);
  });
});
