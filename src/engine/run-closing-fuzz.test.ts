import {
  Runnable,
  RunnableBranch,
  RunnableGenerator,
  RunnableLambda,
  RunnableParallel,
  RunnablePassthrough,
  RunnableSequence,
  type RunnableShape,
  type RunScope,
} from "rivulet";
import { FakeListChatModel, RunRecorder } from "rivulet/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seededRandom } from "../internal/test-support/seeded-random.js";

// A seeded property test: random compositions x (break at a random item, abort at a random
// time, a timeout) under stream, streamEvents and streamLog. Every case must finish before a
// deadline, close every started run exactly once, leave no unhandled rejection and no timer
// keeping the process alive. Some break cases under stream() run bare: no signal, no observer
// (the engine's direct path), inside a parent that stops its children when its stream ends, so
// a child run the engine still counted open would hang that stop past the deadline.
// `FUZZ_CASES=5000 npm run fuzz` runs a longer sweep; a failure prints its seed, and
// `FUZZ_SEED=<seed> FUZZ_CASES=1` replays it.

const CASES = Number(process.env.FUZZ_CASES ?? 240);
const FIRST_SEED = Number(process.env.FUZZ_SEED ?? 1);
const DEADLINE_MS = 3000;

type AnyRunnable = Runnable<unknown, unknown, unknown>;

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

class Builder {
  readonly #next: () => number;
  #count = 0;

  constructor(next: () => number) {
    this.#next = next;
  }

  #pick<T>(options: readonly T[]): T {
    return options[Math.floor(this.#next() * options.length)]!;
  }

  #name(kind: string): string {
    return `${kind}${++this.#count}`;
  }

  leaf(): AnyRunnable {
    const kind = this.#pick(["lambda", "slowLambda", "generator", "model", "failing"] as const);
    const name = this.#name(kind);
    const wait = Math.floor(this.#next() * 3);
    switch (kind) {
      case "lambda":
        return RunnableLambda.from((x: unknown) => `${name}(${String(x).slice(0, 12)})`, { name });
      case "slowLambda":
        return RunnableLambda.from(
          async (x: unknown) => {
            await delay(wait);
            return `${name}(${String(x).slice(0, 12)})`;
          },
          { name },
        );
      case "generator":
        return RunnableGenerator.from(
          async function* (input: AsyncIterable<unknown>) {
            for await (const chunk of input) {
              if (wait > 0) await delay(wait - 1);
              yield String(chunk).slice(0, 8);
            }
          },
          { name },
        );
      case "model":
        return RunnableSequence.from([
          RunnableLambda.from((x: unknown) => String(x).slice(0, 20), { name: `${name}Input` }),
          new FakeListChatModel({ responses: ["alpha beta gamma"], chunking: "word", name }),
        ]);
      case "failing":
        return RunnableLambda.from(
          async (_: unknown): Promise<string> => {
            await delay(wait);
            throw new Error(`${name} fails`);
          },
          { name },
        );
    }
  }

  node(depth: number): AnyRunnable {
    if (depth <= 0 || this.#next() < 0.3) return this.leaf();
    const kind = this.#pick(["sequence", "map", "assign", "branch", "retry", "fallbacks", "nested"] as const);
    const child = () => this.node(depth - 1);
    switch (kind) {
      case "sequence":
        return RunnableSequence.from([child(), child(), ...(this.#next() < 0.5 ? [child()] : [])]);
      case "map":
        return RunnableParallel.from({ a: child(), b: child() });
      case "assign":
        return RunnableSequence.from([
          RunnableLambda.from((x: unknown) => ({ value: String(x).slice(0, 12) }), {
            name: this.#name("toObject"),
          }),
          RunnablePassthrough.assign({ added: child() }),
        ]);
      case "branch":
        return RunnableBranch.from([[(x: unknown) => String(x).length % 2 === 0, child()], child()]);
      case "retry":
        return child().withRetry({ stopAfterAttempt: 2, sleep: async () => {} });
      case "fallbacks":
        return child().withFallbacks([child()]);
      case "nested": {
        const inner = child();
        return RunnableLambda.from(
          async function* (x: unknown) {
            for await (const event of inner.streamEvents(x, { version: "v2" })) yield event.event;
          },
          { name: this.#name("nested") },
        );
      }
    }
  }
}

/** Streams its child with a plain child config, then stops its children (as a map does when it stops). */
class StopsAfterStreaming extends Runnable<unknown, unknown> {
  override readonly shape: RunnableShape = { input: "whole", output: "chunks" };
  readonly #child: AnyRunnable;

  constructor(child: AnyRunnable) {
    super();
    this.#child = child;
  }

  override async *_stream(input: unknown, scope: RunScope): AsyncIterable<unknown> {
    const stop = scope.childStop();
    try {
      yield* await this.#child.stream(input, scope.childConfig());
    } finally {
      await stop.stop();
    }
  }
}

type Mode = "stream" | "streamEvents" | "streamLog";
type Stop = { how: "break"; at: number } | { how: "abort"; afterMs: number } | { how: "timeout"; ms: number };

interface Case {
  seed: number;
  runnable: AnyRunnable;
  mode: Mode;
  stop: Stop;
  /** A `stream()` break case run with no signal and no callbacks. */
  bare: boolean;
}

function makeCase(seed: number): Case {
  const next = seededRandom(seed);
  const runnable = new Builder(next).node(3);
  const mode = (["stream", "streamEvents", "streamLog"] as const)[Math.floor(next() * 3)]!;
  const roll = next();
  const stop: Stop =
    roll < 0.5
      ? { how: "break", at: 1 + Math.floor(next() * 30) }
      : roll < 0.8
        ? { how: "abort", afterMs: Math.floor(next() * 6) }
        : { how: "timeout", ms: 1 + Math.floor(next() * 6) };
  // Drawn last, so every seed keeps the case it had before bare cases existed.
  const bare = mode === "stream" && stop.how === "break" && next() < 0.5;
  return { seed, runnable, mode, stop, bare };
}

async function open(
  testCase: Case,
  config: { callbacks: RunRecorder[]; signal: AbortSignal; timeout?: number },
) {
  const { runnable, mode } = testCase;
  if (mode === "stream") return runnable.stream("go", config);
  if (mode === "streamLog") return runnable.streamLog("go", config);
  return runnable.streamEvents("go", { ...config, version: "v2" });
}

/** Runs one case to its end; errors from the chain itself (failing leaves, aborts) are expected. */
async function runCase(testCase: Case, recorder: RunRecorder): Promise<void> {
  const controller = new AbortController();
  const { stop } = testCase;
  const timer = stop.how === "abort" ? setTimeout(() => controller.abort(), stop.afterMs) : undefined;
  const config = {
    callbacks: [recorder],
    signal: controller.signal,
    ...(stop.how === "timeout" ? { timeout: stop.ms } : {}),
  };
  let count = 0;
  try {
    const stream = testCase.bare
      ? await new StopsAfterStreaming(testCase.runnable).stream("go")
      : await open(testCase, config);
    for await (const _ of stream) {
      if (stop.how === "break" && ++count >= stop.at) break;
    }
  } catch {
    // A failing leaf, an abort or a timeout: what matters is how the runs closed.
  } finally {
    clearTimeout(timer);
  }
}

function closeCounts(recorder: RunRecorder): { open: string[]; closedTwice: string[] } {
  const closes = new Map<string, number>();
  for (const entry of recorder.entries) {
    if (entry.kind === "end" || entry.kind === "error")
      closes.set(entry.runId, (closes.get(entry.runId) ?? 0) + 1);
  }
  return {
    open: recorder.openRuns(),
    closedTwice: [...closes].filter(([, count]) => count > 1).map(([id]) => id),
  };
}

function activeTimers(): number {
  return process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length;
}

async function withDeadline(work: Promise<void>, seed: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`hang (seed ${seed})`)), DEADLINE_MS);
  });
  try {
    await Promise.race([work, hang]);
  } finally {
    clearTimeout(timer);
  }
}

describe("property: random compositions close every run", () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  beforeAll(() => {
    process.on("unhandledRejection", onUnhandled);
  });
  afterAll(() => {
    process.off("unhandledRejection", onUnhandled);
  });

  it(`${CASES} seeded cases from seed ${FIRST_SEED}`, { timeout: 600_000 }, async () => {
    const baseline = activeTimers();
    const failures: string[] = [];
    for (let seed = FIRST_SEED; seed < FIRST_SEED + CASES; seed++) {
      const testCase = makeCase(seed);
      const recorder = new RunRecorder();
      await withDeadline(runCase(testCase, recorder), seed);
      const { open, closedTwice } = closeCounts(recorder);
      if (open.length > 0) {
        failures.push(
          `seed ${seed} (${testCase.mode}, ${JSON.stringify(testCase.stop)}): open runs ${open.join(", ")}`,
        );
        if (process.env.FUZZ_VERBOSE) console.log(recorder.lines().join("\n"));
      }
      if (closedTwice.length > 0) failures.push(`seed ${seed}: ${closedTwice.length} runs closed twice`);
    }
    // Timers of the cases (the leaves' delays) have fired by now; anything left is a leak.
    await delay(20);
    expect(failures).toEqual([]);
    expect(activeTimers()).toBeLessThanOrEqual(baseline);
    expect(unhandled).toEqual([]);
  });
});
