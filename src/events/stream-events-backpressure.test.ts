// Back-pressure and bounded memory under streamEvents (docs/events.md rule 22): the event queue holds at
// most its capacity (64), so a slow reader slows the chain instead of the queue growing.
import { RunnableSequence } from "rivulet";
import { describe, expect, it } from "vitest";

describe("streamEvents back-pressure", () => {
  it("a slow consumer keeps the producer within the queue capacity plus a small constant", async () => {
    let produced = 0;
    async function* producer(input: AsyncIterable<string>) {
      for await (const _ of input) {
        for (let i = 0; i < 1000; i++) {
          produced++;
          yield i;
        }
      }
    }
    const chain = RunnableSequence.from([(x: string) => x, producer]);
    let read = 0;
    let producedWhileWaiting = -1;
    for await (const _e of chain.streamEvents("go", { version: "v2" })) {
      read++;
      if (read === 10) {
        await new Promise((r) => setTimeout(r, 50)); // the chain could run freely here
        producedWhileWaiting = produced;
        break;
      }
    }
    // Each chunk gives two events (producer's and the root's): 64 queued events are ~32 chunks.
    expect(producedWhileWaiting).toBeGreaterThan(0);
    expect(producedWhileWaiting).toBeLessThan(200);
  });

  it("a slow consumer of the root's chunks only (filtered) still holds the producer back", async () => {
    let produced = 0;
    async function* producer(_input: AsyncIterable<string>) {
      for (let i = 0; i < 1000; i++) {
        produced++;
        yield i;
      }
    }
    async function* pass(input: AsyncIterable<number>) {
      for await (const n of input) yield n;
    }
    const chain = RunnableSequence.from([producer, pass]);
    let read = 0;
    let producedWhileWaiting = -1;
    for await (const _e of chain.streamEvents("go", { version: "v2" }, { includeNames: ["pass"] })) {
      read++;
      if (read === 10) {
        await new Promise((r) => setTimeout(r, 50));
        producedWhileWaiting = produced;
        break;
      }
    }
    expect(producedWhileWaiting).toBeGreaterThan(0);
    expect(producedWhileWaiting).toBeLessThan(200);
  });
});

describe("streamEvents memory", () => {
  it("streams 100k chunks through a 2-step chain with bounded heap growth and the right event count", async () => {
    const N = 100_000;
    async function* producer(_input: AsyncIterable<string>) {
      for (let i = 0; i < N; i++) yield "x";
    }
    async function* upper(input: AsyncIterable<string>) {
      for await (const s of input) yield s.toUpperCase();
    }
    const chain = RunnableSequence.from([producer, upper]);
    // global.gc is not exposed here, so this is loose: it only catches a queue that keeps
    // every event (300k events with their envelopes would take several hundred MB).
    const before = process.memoryUsage().heapUsed;
    let peak = 0;
    const streamed: Record<string, number> = { producer: 0, upper: 0, RunnableSequence: 0 };
    const lifecycle: string[] = [];
    let total = 0;
    for await (const e of chain.streamEvents("go", { version: "v2" })) {
      if (++total % 10_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed - before);
      if (e.event === "on_chain_stream") streamed[e.name] = (streamed[e.name] ?? 0) + 1;
      else lifecycle.push(`${e.event} ${e.name}`);
    }
    expect(streamed).toStrictEqual({ producer: N, upper: N, RunnableSequence: N });
    expect(lifecycle).toStrictEqual([
      "on_chain_start RunnableSequence",
      "on_chain_start producer",
      "on_chain_start upper",
      "on_chain_end producer",
      "on_chain_end upper",
      "on_chain_end RunnableSequence",
    ]);
    expect(total).toBe(3 * N + 6);
    expect(peak).toBeLessThan(200 * 1024 * 1024);
  });
});
