// Errors, early exit and abort under streamEvents (docs/events.md rules 7-8).
import { AbortError, RunnableLambda, RunnableSequence, type StreamEvent } from "rivulet";
import { normalizeIds, RunRecorder } from "rivulet/testing";
import { describe, expect, it, vi } from "vitest";
import { ev, R, S1, S2 } from "./test-support/expected-event.js";

/** Reads events until the stream throws; returns what was read and the error (if any). */
async function readAll(events: AsyncIterable<StreamEvent>): Promise<{ seen: StreamEvent[]; error: unknown }> {
  const seen: StreamEvent[] = [];
  try {
    for await (const e of events) seen.push(e);
  } catch (error) {
    return { seen, error };
  }
  return { seen, error: undefined };
}

const addOne = RunnableLambda.from((x: number) => x + 1, { name: "addOne" });
const show = RunnableLambda.from((x: number) => `n=${x}`, { name: "show" });

describe("an error in step 2 of 3", () => {
  const boom = new Error("boom");
  const fail = RunnableLambda.from(
    (_x: number): number => {
      throw boom;
    },
    { name: "fail" },
  );

  it("emits the events so far, on_chain_error for the step then the root, then throws the original error", async () => {
    const rec = new RunRecorder();
    const chain = RunnableSequence.from([addOne, fail, show]);
    const { seen, error } = await readAll(chain.streamEvents(1, { version: "v2", callbacks: [rec] }));
    expect(error).toBe(boom);
    const [t1, t2] = [["seq:step:1"], ["seq:step:2"]];
    expect(normalizeIds(seen)).toStrictEqual([
      ev("on_chain_start", "RunnableSequence", R, [], [], { input: 1 }),
      ev("on_chain_start", "addOne", S1, [R], t1, { input: 1 }),
      ev("on_chain_stream", "addOne", S1, [R], t1, { chunk: 2 }),
      ev("on_chain_start", "fail", S2, [R], t2, {}),
      ev("on_chain_end", "addOne", S1, [R], t1, { output: 2, input: 1 }),
      ev("on_chain_error", "fail", S2, [R], t2, { error: boom, input: 2 }),
      ev("on_chain_error", "RunnableSequence", R, [], [], { error: boom, input: 1 }),
    ]);
    // The error events carry the very same error object.
    const errors = seen.flatMap((e) => (e.event === "on_chain_error" ? [e.data.error] : []));
    expect(errors).toHaveLength(2);
    for (const e of errors) expect(e).toBe(boom);
    // Step 3 never started: step 2 failed before yielding its first chunk.
    expect(seen.some((e) => e.name === "show")).toBe(false);
    expect(rec.lines()).not.toContain("start:show");
    expect(rec.openRuns()).toStrictEqual([]);
  });

  it("a root lambda that throws: start, on_chain_error with { error, input }, then the error", async () => {
    const rootFail = RunnableLambda.from(
      (_x: string): string => {
        throw boom;
      },
      { name: "rootFail" },
    );
    const { seen, error } = await readAll(rootFail.streamEvents("in", { version: "v2" }));
    expect(error).toBe(boom);
    expect(seen.map((e) => [e.event, e.data])).toStrictEqual([
      ["on_chain_start", { input: "in" }],
      ["on_chain_error", { error: boom, input: "in" }],
    ]);
  });
});

// Two defects show here (see the report): a step that opens after the stop leaks its peeked
// input (never closed), and upstream generators are told to return without being awaited.
describe("breaking out of the loop", () => {
  function scenario() {
    const state = { yielded: 0, closed: [] as string[], started: [] as string[] };
    async function* source(input: AsyncIterable<string>) {
      state.started.push("source");
      try {
        for await (const word of input) {
          for (let i = 0; i < 1000; i++) {
            state.yielded++;
            yield `${word}${i}`;
          }
        }
      } finally {
        state.closed.push("source");
      }
    }
    async function* upper(input: AsyncIterable<string>) {
      state.started.push("upper");
      try {
        for await (const s of input) yield s.toUpperCase();
      } finally {
        state.closed.push("upper");
      }
    }
    return { state, source, upper, rec: new RunRecorder() };
  }

  /** Breaks after the first on_chain_stream of `stopAt`; returns what happened. */
  async function breakAt(stopAt: string, steps: "lambda-first" | "generators") {
    const s = scenario();
    const chain =
      steps === "lambda-first"
        ? RunnableSequence.from([(w: string) => w, s.source, s.upper])
        : RunnableSequence.from([s.source, s.upper]);
    const seen: string[] = [];
    for await (const e of chain.streamEvents("w", { version: "v2", callbacks: [s.rec] })) {
      seen.push(`${e.event} ${e.name}`);
      if (e.event === "on_chain_stream" && e.name === stopAt) break;
    }
    // Snapshot at the moment the loop has ended.
    return { ...s, seen, open: s.rec.openRuns(), closed: [...s.state.closed].sort() };
  }

  it("after the first (nested) stream event: steps not started never start", async () => {
    const r = await breakAt("source", "lambda-first");
    expect(r.seen.at(-1)).toBe("on_chain_stream source");
    expect(r.state.started).toStrictEqual(["source"]);
    expect(r.rec.lines()).not.toContain("start:upper");
    expect(r.state.yielded).toBeLessThan(100);
  });

  it("after the first (nested) stream event: every started run is closed when the loop ends", async () => {
    const r = await breakAt("source", "lambda-first");
    expect(r.open).toStrictEqual([]);
  });

  it("after the first (nested) stream event: the generator's finally ran (upstream cancelled)", async () => {
    const r = await breakAt("source", "lambda-first");
    expect(r.closed).toStrictEqual(["source"]);
  });

  it("after the root's first chunk: every started run is closed, the root last", async () => {
    const r = await breakAt("RunnableSequence", "generators");
    expect(r.open).toStrictEqual([]);
    const last = r.rec.lines().slice(-3);
    expect([...last].sort()).toStrictEqual(["error:RunnableSequence", "error:source", "error:upper"]);
    expect(last[2]).toBe("error:RunnableSequence");
    expect(r.state.yielded).toBeLessThan(100);
  });

  it("after the root's first chunk: both generators' finally blocks ran when the loop ends", async () => {
    const r = await breakAt("RunnableSequence", "generators");
    expect(r.closed).toStrictEqual(["source", "upper"]);
  });
});

describe("aborting the signal while events are read", () => {
  async function abortAt(stopAt: string) {
    const controller = new AbortController();
    const rec = new RunRecorder();
    const state = { closed: false };
    async function* slow(input: AsyncIterable<string>) {
      try {
        for await (const word of input) {
          for (const ch of word) {
            await new Promise((r) => setTimeout(r, 2));
            yield ch;
          }
        }
      } finally {
        state.closed = true;
      }
    }
    const chain = RunnableSequence.from([slow, (s: string) => s.toUpperCase()]);
    const events = chain.streamEvents("abcdef", {
      version: "v2",
      signal: controller.signal,
      callbacks: [rec],
    });
    const seen: string[] = [];
    let error: unknown;
    try {
      for await (const e of events) {
        seen.push(`${e.event} ${e.name}`);
        if (e.event === "on_chain_stream" && e.name === stopAt) controller.abort();
      }
    } catch (e) {
      error = e;
    }
    return { error, seen, open: rec.openRuns(), state };
  }

  it("the loop throws an AbortError with code aborted", async () => {
    const r = await abortAt("slow");
    expect(AbortError.isInstance(r.error)).toBe(true);
    expect((r.error as AbortError).code).toBe("aborted");
    expect(r.seen).toContain("on_chain_stream slow");
    expect(r.seen).not.toContain("on_chain_end slow");
  });

  it("every started run is closed when the loop ends", async () => {
    const r = await abortAt("slow");
    expect(r.open).toStrictEqual([]);
  });

  it("the aborted generator is closed (its finally runs)", async () => {
    const r = await abortAt("slow");
    // Not necessarily by the time the loop ends: user code that ignores the signal cannot be
    // awaited without risking a hang, so allow it to finish its current await.
    await vi.waitFor(() => expect(r.state.closed).toBe(true), { timeout: 500 });
  });

  it("an already aborted signal throws before any run starts", async () => {
    const controller = new AbortController();
    controller.abort();
    const rec = new RunRecorder();
    const { seen, error } = await readAll(
      RunnableSequence.from([addOne, show]).streamEvents(1, { signal: controller.signal, callbacks: [rec] }),
    );
    expect(AbortError.isInstance(error)).toBe(true);
    expect(seen).toStrictEqual([]);
    expect(rec.openRuns()).toStrictEqual([]);
  });
});
