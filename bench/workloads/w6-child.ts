// W6 child process: runs S concurrent `stream()`s of W1's chain (T tokens each) for one library,
// samples `process.memoryUsage()` during the run, and prints one JSON line of results.
// Spawned by w6-concurrent.ts as `node --expose-gc w6-child.js <rivulet|langchain> <S> <T>`.

import { collectGarbage, expect, type Lib } from "../harness.js";
import { INPUT, makeTokens } from "./chain-common.js";

/** What the child reports. Memory values are bytes above the baseline taken after a full GC. */
export interface ChildResult {
  ms: number;
  heapGrowth: number;
  rssGrowth: number;
  samples: number;
}

const [libArg, streamsArg, tokensArg] = process.argv.slice(2);
const lib = libArg as Lib;
const streams = Number(streamsArg);
const tokens = makeTokens(Number(tokensArg));
const expected = tokens.join("");

/** `stream()` of either chain: the one method this workload calls. */
type StreamFn = () => Promise<AsyncIterable<string>>;

/** Loads only the measured library, so the other one's module-level setup never runs here. */
async function streamFn(): Promise<StreamFn> {
  if (lib === "rivulet") {
    const chain = (await import("./chain-rivulet.js")).rivuletChain(tokens);
    return () => chain.stream(INPUT);
  }
  const chain = (await import("./chain-langchain.js")).langchainChain(tokens);
  return () => chain.stream(INPUT);
}

const peak = { heap: 0, rss: 0, samples: 0 };
function sample(): void {
  const m = process.memoryUsage();
  peak.samples += 1;
  if (m.heapUsed > peak.heap) peak.heap = m.heapUsed;
  if (m.rss > peak.rss) peak.rss = m.rss;
}

let consumed = 0;
async function consume(stream: StreamFn): Promise<void> {
  let text = "";
  for await (const piece of await stream()) {
    text += piece;
    // Streams without delays run on microtasks, where timers do not fire: sample inline too.
    consumed += 1;
    if ((consumed & 511) === 0) sample();
  }
  expect(text === expected, `${lib}: concurrent stream text`);
}

async function round(stream: StreamFn, count: number): Promise<void> {
  await Promise.all(Array.from({ length: count }, () => consume(stream)));
}

const stream = await streamFn();
await round(stream, Math.min(streams, 100)); // warm-up
collectGarbage();
collectGarbage();
const base = process.memoryUsage();
peak.heap = base.heapUsed;
peak.rss = base.rss;
const timer = setInterval(sample, 1);
const start = performance.now();
await round(stream, streams);
const ms = performance.now() - start;
clearInterval(timer);
sample();
const result: ChildResult = {
  ms,
  heapGrowth: peak.heap - base.heapUsed,
  rssGrowth: peak.rss - base.rss,
  samples: peak.samples,
};
console.log(JSON.stringify(result));
