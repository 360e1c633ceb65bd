import {
  ChatPromptTemplate,
  type Runnable,
  RunnableBranch,
  RunnableGenerator,
  RunnableLambda,
  RunnableParallel,
  RunnablePassthrough,
  RunnableSequence,
  StringOutputParser,
} from "rivulet";
import { FakeListChatModel, RunRecorder } from "rivulet/testing";
import { describe, expect, it } from "vitest";

// Every combinator x (break after event k, abort after event k) for every k, under stream,
// streamEvents and streamLog: nothing hangs and every started run closes exactly once.

const model = () => new FakeListChatModel({ responses: ["one two"], chunking: "word" });
const prompt = () => ChatPromptTemplate.fromTemplate("say {topic}");
const toText = RunnableLambda.from((x: { topic: string }) => `t:${x.topic}`, { name: "toText" });
const words = RunnableGenerator.from(async function* words(input: AsyncIterable<string>) {
  for await (const chunk of input) yield chunk.toUpperCase();
});

function combinators(): Record<string, Runnable<{ topic: string }, unknown, unknown>> {
  let flaky = 0;
  return {
    sequence: prompt().pipe(model()).pipe(new StringOutputParser()),
    map: RunnableParallel.from({
      a: prompt().pipe(model()),
      b: toText,
      c: RunnableSequence.from([toText, words]),
    }),
    assign: RunnablePassthrough.assign({ text: toText, chat: prompt().pipe(model()) }),
    branch: RunnableBranch.from([
      [(x: { topic: string }) => x.topic === "never", toText],
      prompt().pipe(model()).pipe(new StringOutputParser()),
    ]),
    lambdaReturningRunnable: RunnableLambda.from(() => prompt().pipe(model()), { name: "router" }),
    generator: RunnableSequence.from([toText, words, words]),
    retry: RunnableLambda.from(
      async function* flakyStream(x: { topic: string }) {
        flaky++;
        if (flaky % 2 === 1) throw new Error("first attempt fails");
        yield `${x.topic}-1`;
        yield `${x.topic}-2`;
      },
      { name: "flakyStream" },
    ).withRetry({ stopAfterAttempt: 2, sleep: async () => {} }),
    fallbacks: RunnableLambda.from(async function* broken(_: { topic: string }): AsyncGenerator<string> {
      yield* [];
      throw new Error("primary fails");
    }).withFallbacks([prompt().pipe(model()).pipe(new StringOutputParser())]),
    nestedStreamEvents: RunnableLambda.from(
      async function* watcher(x: { topic: string }) {
        const inner = prompt().pipe(model());
        for await (const event of inner.streamEvents(x, { version: "v2" })) yield event.event;
      },
      { name: "watcher" },
    ),
    pick: RunnableParallel.from({ a: toText, b: prompt().pipe(model()) }).pipe(RunnablePassthrough.pick("b")),
    binding: prompt()
      .pipe(model())
      .withConfig({ tags: ["bound"] }),
  };
}

type Mode = "stream" | "streamEvents" | "streamEventsV1" | "streamLog";
const MODES: Mode[] = ["stream", "streamEvents", "streamEventsV1", "streamLog"];

async function items(
  runnable: Runnable<{ topic: string }, unknown, unknown>,
  mode: Mode,
  config: { callbacks: RunRecorder[]; signal?: AbortSignal },
): Promise<AsyncIterable<unknown>> {
  const input = { topic: "parrot" };
  if (mode === "stream") return runnable.stream(input, config);
  if (mode === "streamLog") return runnable.streamLog(input, config);
  if (mode === "streamEventsV1") return runnable.streamEvents(input, { ...config, version: "v1" });
  return runnable.streamEvents(input, { ...config, version: "v2" });
}

type Stop = "break" | "abort";

/** Reads until item `stopAt`, then stops as told; resolves to how many items were read. */
async function readAndStop(
  runnable: Runnable<{ topic: string }, unknown, unknown>,
  mode: Mode,
  recorder: RunRecorder,
  stop: { how: Stop; at: number },
): Promise<number> {
  const controller = new AbortController();
  let count = 0;
  try {
    for await (const _ of await items(runnable, mode, { callbacks: [recorder], signal: controller.signal })) {
      count++;
      if (count === stop.at) {
        if (stop.how === "break") break;
        controller.abort();
      }
    }
  } catch (error) {
    if (stop.how !== "abort") throw error;
  }
  return count;
}

const DEADLINE_MS = 2000;

async function withDeadline<T>(work: Promise<T>, label: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`hang: ${label}`)), DEADLINE_MS);
  });
  try {
    return await Promise.race([work, hang]);
  } finally {
    clearTimeout(timer);
  }
}

function closedTwice(recorder: RunRecorder): string[] {
  const closes = new Map<string, number>();
  for (const entry of recorder.entries) {
    if (entry.kind === "end" || entry.kind === "error")
      closes.set(entry.runId, (closes.get(entry.runId) ?? 0) + 1);
  }
  return [...closes].filter(([, n]) => n > 1).map(([id]) => id);
}

describe("every run closes: combinator x stop point x mode", () => {
  for (const name of Object.keys(combinators())) {
    for (const mode of MODES) {
      it(`${name} under ${mode}`, { timeout: 60_000 }, async () => {
        const full = new RunRecorder();
        const total = await withDeadline(
          readAndStop(combinators()[name]!, mode, full, { how: "break", at: 0 }),
          `${name} ${mode} full run`,
        );
        expect(full.openRuns()).toEqual([]);
        expect(total).toBeGreaterThan(0);
        for (const how of ["break", "abort"] as const) {
          for (let at = 1; at <= total; at++) {
            const recorder = new RunRecorder();
            const label = `${name} ${mode} ${how} after item ${at} of ${total}`;
            await withDeadline(readAndStop(combinators()[name]!, mode, recorder, { how, at }), label);
            expect(recorder.openRuns(), label).toEqual([]);
            expect(closedTwice(recorder), label).toEqual([]);
          }
        }
      });
    }
  }
});
