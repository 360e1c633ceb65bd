import {
  AbortError,
  Runnable,
  RunnableGenerator,
  RunnableLambda,
  RunnableParallel,
  RunnableSequence,
} from "rivulet";
import { RunRecorder, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";

const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** g1 ignores its input and yields "a", "b"; g2 and g3 append their number to each chunk. */
const g1 = RunnableGenerator.from(async function* g1(_: AsyncIterable<string>) {
  yield "a";
  yield "b";
});
const suffix = (n: number) =>
  RunnableGenerator.from(
    async function* (input: AsyncIterable<string>) {
      for await (const c of input) yield `${c}${n}`;
    },
    { name: `g${n}` },
  );

describe("callback order", () => {
  it("pipelines generator steps: each chunk is reported by every step before the next chunk", async () => {
    // Derivation (docs/events.md rule 2): a chunk's stream notification comes before the next step sees
    // it, a step starts at its first input chunk, and a generator's run ends only once its input
    // and output are exhausted, i.e. after the second chunk has gone all the way through.
    const rec = new RunRecorder();
    const chain = RunnableSequence.from([g1, suffix(2), suffix(3)], { name: "seq" });
    expect(await toArray(chain.stream("in", { callbacks: [rec] }))).toEqual(["a23", "b23"]);
    expect(rec.lines()).toEqual([
      "start:seq",
      "start:g1",
      "stream:g1",
      "start:g2",
      "stream:g2",
      "start:g3",
      "stream:g3",
      "stream:seq",
      "stream:g1",
      "stream:g2",
      "stream:g3",
      "stream:seq",
      "end:g1",
      "end:g2",
      "end:g3",
      "end:seq",
    ]);
    const chunks = rec.entries.filter((e) => e.kind === "stream").map((e) => `${e.name}=${String(e.chunk)}`);
    expect(chunks).toEqual(["g1=a", "g2=a2", "g3=a23", "seq=a23", "g1=b", "g2=b2", "g3=b23", "seq=b23"]);
  });

  it("ends each generator run with its aggregated output and streamed-in input", async () => {
    const rec = new RunRecorder();
    await toArray(RunnableSequence.from([g1, suffix(2)]).stream("in", { callbacks: [rec] }));
    const end = (name: string) => rec.entries.find((e) => e.kind === "end" && e.name === name);
    expect(end("g1")).toMatchObject({ input: "in", output: "ab" });
    expect(end("g2")).toMatchObject({ input: "ab", output: "a2b2" });
    expect(end("RunnableSequence")).toMatchObject({ input: "in", output: "a2b2" });
  });

  it("invoke nests start/end with no stream notifications", async () => {
    const rec = new RunRecorder();
    const chain = RunnableSequence.from([g1, suffix(2), (s: string) => s.length], { name: "seq" });
    // Under invoke g2 gets the whole "ab" as its single input chunk: "ab2".
    expect(await chain.invoke("in", { callbacks: [rec] })).toBe(3);
    expect(rec.lines()).toEqual([
      "start:seq",
      "start:g1",
      "end:g1",
      "start:g2",
      "end:g2",
      "start:RunnableLambda",
      "end:RunnableLambda",
      "end:seq",
    ]);
    const seqId = rec.entries[0]!.runId;
    for (const e of rec.entries.slice(1, -1)) expect(e.parentIds).toEqual([seqId]);
  });

  it("reports a failing step's error, then the enclosing run's error", async () => {
    const rec = new RunRecorder();
    const failing = RunnableLambda.from(
      (_: string): string => {
        throw new Error("step 2 failed");
      },
      { name: "failing" },
    );
    await expect(
      toArray(RunnableSequence.from([g1, failing]).stream("x", { callbacks: [rec] })),
    ).rejects.toThrow("step 2 failed");
    expect(rec.lines().filter((l) => l.startsWith("error:") || l.startsWith("end:"))).toEqual([
      "end:g1",
      "error:failing",
      "error:RunnableSequence",
    ]);
    expect(rec.openRuns()).toEqual([]);
  });
});

describe("breaking out of for await", () => {
  it("closes every started run and runs the upstream generators' finally blocks", async () => {
    const rec = new RunRecorder();
    const finallyRan: string[] = [];
    let produced = 0;
    const endless = RunnableGenerator.from(async function* endless(_: AsyncIterable<string>) {
      try {
        for (let i = 0; ; i++) {
          await delay(1);
          produced++;
          yield `t${i}`;
        }
      } finally {
        finallyRan.push("endless");
      }
    });
    const relay = (name: string) =>
      RunnableGenerator.from(
        async function* (input: AsyncIterable<string>) {
          try {
            for await (const c of input) yield c;
          } finally {
            finallyRan.push(name);
          }
        },
        { name },
      );
    const chain = RunnableSequence.from<string, string>([endless, relay("relay2"), relay("relay3")]);
    const seen: string[] = [];
    for await (const chunk of await chain.stream("go", { callbacks: [rec] })) {
      seen.push(chunk);
      if (seen.length === 2) break;
    }
    expect(seen).toEqual(["t0", "t1"]);
    expect(rec.openRuns()).toEqual([]);
    expect(finallyRan.sort()).toEqual(["endless", "relay2", "relay3"]);
    const producedAtBreak = produced;
    await delay(10);
    expect(produced).toBe(producedAtBreak);
    const errors = rec.entries.filter((e) => e.kind === "error");
    expect(errors.map((e) => e.name).sort()).toEqual(["RunnableSequence", "endless", "relay2", "relay3"]);
    for (const e of errors) expect(AbortError.isInstance(e.error)).toBe(true);
  });

  it("ends inner runs before the outer one", async () => {
    const rec = new RunRecorder();
    const chain = RunnableSequence.from([g1, suffix(2), suffix(3)], { name: "seq" });
    for await (const _ of await chain.stream("go", { callbacks: [rec] })) break;
    const closing = rec.lines().filter((l) => l.startsWith("error:") || l.startsWith("end:"));
    expect(closing.at(-1)).toBe("error:seq");
    expect(closing).toHaveLength(4);
  });

  it("never starts steps that had not started yet", async () => {
    const rec = new RunRecorder();
    let laterStepCalled = false;
    const slowHead = RunnableGenerator.from(async function* slowHead(_: AsyncIterable<string>) {
      await delay(30);
      yield "late";
    });
    const later = RunnableLambda.from(
      (s: string) => {
        laterStepCalled = true;
        return s;
      },
      { name: "later" },
    );
    const fast = RunnableGenerator.from(async function* fast(_: AsyncIterable<string>) {
      yield "quick";
    });
    const map = RunnableParallel.from({
      fast,
      slow: RunnableSequence.from([slowHead, later], { name: "slowSeq" }),
    });
    for await (const chunk of await map.stream("go", { callbacks: [rec] })) {
      expect(chunk).toEqual({ fast: "quick" });
      break;
    }
    await delay(50);
    expect(laterStepCalled).toBe(false);
    expect(rec.lines()).not.toContain("start:later");
    expect(rec.openRuns()).toEqual([]);
  });
});

/** A runnable with no streaming of its own: it only implements `_invoke`. */
class Shout extends Runnable<string, string> {
  override async _invoke(input: string): Promise<string> {
    return `${input}!`;
  }
}

describe("runnables that do not stream", () => {
  it("yield their whole output as one chunk, reported on the root run", async () => {
    const rec = new RunRecorder();
    expect(await toArray(new Shout().stream("hi", { callbacks: [rec] }))).toEqual(["hi!"]);
    expect(rec.lines()).toEqual(["start:Shout", "stream:Shout", "end:Shout"]);
  });

  it("have start and end only when nested in a streamed sequence (docs/events.md rule 3)", async () => {
    const rec = new RunRecorder();
    const chain = RunnableSequence.from<string, string>([new Shout(), suffix(2)]);
    expect(await toArray(chain.stream("hi", { callbacks: [rec] }))).toEqual(["hi!2"]);
    expect(rec.lines()).not.toContain("stream:Shout");
    expect(rec.lines()).toContain("end:Shout");
  });
});
