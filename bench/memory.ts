// Memory under observation and under a slow parallel branch: peak heap of long streams, printed
// as ratios against the same work unobserved (one process, GC forced before each case).
//
//   npm run build && node --expose-gc dist/bench/memory.js [--quick]
//
// M1: prompt | model | parser over N one-character tokens: `stream()` (the floor) against
//     `streamEvents` v2 read slowly (the reader yields to the event loop every 100 events, so the
//     bounded queue applies back-pressure). Goal: the observed peak stays within a small constant
//     of the floor plus the aggregated text (O(1) per token), not ~0.5 KB per token.
// M2: a parallel step over an input source that never waits on a timer, with one branch that
//     yields to the event loop every 500 items, against the same map whose branches are both
//     fast. Goal: the slow branch does not make the input buffer grow (bounded tee).

import {
  AIMessageChunk,
  BaseCallbackHandler,
  BaseChatModel,
  ChatPromptTemplate,
  RunnableGenerator,
  RunnableParallel,
  RunnableSequence,
  StringOutputParser,
} from "rivulet";
import { collectGarbage } from "./harness.js";

class CharModel extends BaseChatModel {
  readonly count: number;
  constructor(count: number) {
    super({ name: "CharModel" });
    this.count = count;
  }
  _llmType(): string {
    return "bench";
  }
  override async *_streamChunks(): AsyncIterable<AIMessageChunk> {
    // One-character strings come from V8's single-character table: the source allocates no text.
    for (let i = 0; i < this.count; i++)
      yield new AIMessageChunk({ content: String.fromCharCode(97 + (i % 26)) });
  }
}

/**
 * Tracks the peak live heap above the level measured at `start`. Each sample forces a full GC
 * first, so garbage not yet collected (the young generation alone is several MB) does not count:
 * what is measured is what the stream keeps alive.
 */
class HeapPeak {
  #base = 0;
  #peak = 0;
  start(): void {
    collectGarbage();
    this.#base = process.memoryUsage().heapUsed;
    this.#peak = 0;
  }
  sample(): void {
    collectGarbage();
    this.#peak = Math.max(this.#peak, process.memoryUsage().heapUsed - this.#base);
  }
  get peakMb(): number {
    return this.#peak / 1024 / 1024;
  }
}

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function chain(tokens: number) {
  return ChatPromptTemplate.fromTemplate("spell {word}")
    .pipe(new CharModel(tokens))
    .pipe(new StringOutputParser());
}

async function streamFloor(tokens: number, heap: HeapPeak): Promise<number> {
  heap.start();
  let length = 0;
  let count = 0;
  for await (const token of await chain(tokens).stream({ word: "x" })) {
    length += token.length;
    if (++count % 50_000 === 0) heap.sample();
  }
  heap.sample();
  return length;
}

async function streamLogSlow(tokens: number, heap: HeapPeak): Promise<number> {
  heap.start();
  let patches = 0;
  for await (const _ of chain(tokens).streamLog({ word: "x" })) {
    if (++patches % 100 === 0) await yieldToLoop();
    if (patches % 100_000 === 0) heap.sample();
  }
  heap.sample();
  return patches;
}

async function streamWithHandler(tokens: number, heap: HeapPeak): Promise<number> {
  heap.start();
  let seen = 0;
  class TokenCounter extends BaseCallbackHandler {
    readonly name = "token-counter";
    handleLLMNewToken(): void {
      seen++;
    }
  }
  const handler = new TokenCounter();
  let count = 0;
  for await (const _ of await chain(tokens).stream({ word: "x" }, { callbacks: [handler] })) {
    if (++count % 50_000 === 0) heap.sample();
  }
  heap.sample();
  return seen;
}

async function streamEventsSlow(tokens: number, heap: HeapPeak): Promise<number> {
  heap.start();
  let events = 0;
  for await (const _ of chain(tokens).streamEvents({ word: "x" }, { version: "v2" })) {
    if (++events % 100 === 0) await yieldToLoop();
    if (events % 150_000 === 0) heap.sample();
  }
  heap.sample();
  return events;
}

function parallel(items: number, slowBranch: boolean, heap: HeapPeak) {
  const eager = RunnableGenerator.from(async function* eager(_: AsyncIterable<unknown>) {
    for (let i = 0; i < items; i++) {
      if (i % 20_000 === 0) heap.sample();
      yield { index: i, payload: `item-${i}-${"x".repeat(32)}` };
    }
  });
  const counter = (name: string, pause: boolean) =>
    RunnableGenerator.from(
      async function* (input: AsyncIterable<unknown>) {
        let count = 0;
        for await (const _ of input) if (++count % 500 === 0 && pause) await yieldToLoop();
        yield count;
      },
      { name },
    );
  return RunnableSequence.from([
    eager,
    RunnableParallel.from({ fast: counter("fast", false), slow: counter("slow", slowBranch) }),
  ]);
}

async function parallelPeak(items: number, slowBranch: boolean, heap: HeapPeak): Promise<void> {
  heap.start();
  for await (const _ of await parallel(items, slowBranch, heap).stream("go"));
  heap.sample();
}

async function main(): Promise<void> {
  const quick = process.argv.includes("--quick");
  const tokens = quick ? 200_000 : 1_000_000;
  const items = quick ? 100_000 : 300_000;
  const heap = new HeapPeak();

  await streamFloor(tokens, heap);
  const floor = heap.peakMb;
  const events = await streamEventsSlow(tokens, heap);
  const observed = heap.peakMb;
  const textMb = (tokens * 2) / 1024 / 1024; // the aggregated text, 2 bytes a character at most
  console.log(`M1  ${tokens.toLocaleString()} tokens, ${events.toLocaleString()} events`);
  console.log(`    stream() peak heap         ${floor.toFixed(1)} MB`);
  console.log(`    streamEvents (slow) peak   ${observed.toFixed(1)} MB`);
  console.log(`    observed / floor           ${(observed / Math.max(floor, 1)).toFixed(2)}x`);
  await streamLogSlow(tokens, heap);
  const logged = heap.peakMb;
  await streamWithHandler(tokens, heap);
  const handled = heap.peakMb;
  console.log(
    `    streamLog (slow) peak      ${logged.toFixed(1)} MB (${(logged / Math.max(floor, 1)).toFixed(2)}x)`,
  );
  console.log(
    `    stream() + handler peak    ${handled.toFixed(1)} MB (${(handled / Math.max(floor, 1)).toFixed(2)}x)`,
  );
  console.log(
    `    bytes per token above floor ${(((observed - floor) * 1024 * 1024) / tokens).toFixed(1)} (text alone: ${((textMb * 1024 * 1024) / tokens).toFixed(1)})`,
  );

  await parallelPeak(items, false, heap);
  const balanced = heap.peakMb;
  await parallelPeak(items, true, heap);
  const slow = heap.peakMb;
  console.log(`M2  parallel step, ${items.toLocaleString()} input items`);
  console.log(`    both branches fast peak    ${balanced.toFixed(1)} MB`);
  console.log(`    one slow branch peak       ${slow.toFixed(1)} MB`);
  console.log(`    slow / fast                ${(slow / Math.max(balanced, 1)).toFixed(2)}x`);
}

await main();
