// W1 in a process of one library: the W0 floor and that library's `stream()` of the chain, N
// tokens, so neither library runs under the other's process-wide setup (on Node 20 and 22 an
// AsyncLocalStorage that has run once slows every promise in the process). The floor is timed
// in a block of its own with a collection before each repetition, then `stream()` in another
// block. Prints one JSON line: the medians in ms.
// Spawned by w1-own-process.ts as `node --expose-gc w1-child.js <rivulet|langchain> <N> <warmup> <reps>`.

import { afterCollection, expect, type Lib, medians, timed } from "../harness.js";
import { INPUT, joinStream, makeTokens } from "./chain-common.js";

/** What the child reports: median times in ms. */
export interface W1ChildResult {
  floor: number;
  stream: number;
}

async function* plainGenerator(tokens: readonly string[]): AsyncGenerator<string> {
  for (const token of tokens) yield token;
}

/** The measured library's chain, loaded alone. */
async function streamOf(lib: Lib, tokens: readonly string[]): Promise<() => Promise<AsyncIterable<string>>> {
  if (lib === "rivulet") {
    const chain = (await import("./chain-rivulet.js")).rivuletChain(tokens);
    return () => chain.stream(INPUT);
  }
  const chain = (await import("./chain-langchain.js")).langchainChain(tokens);
  return () => chain.stream(INPUT);
}

const [libArg, nArg, warmupArg, repsArg] = process.argv.slice(2);
const lib: Lib = libArg === "langchain" ? "langchain" : "rivulet";
const tokens = makeTokens(Number(nArg));
const reps = { warmup: Number(warmupArg), reps: Number(repsArg) };
const expected = tokens.join("");
const check = (what: string) => (r: { text: string }) => expect(r.text === expected, `${lib} ${what} text`);
const stream = await streamOf(lib, tokens);
const [floor] = await medians(
  [afterCollection(timed("floor", () => joinStream(plainGenerator(tokens)), check("floor")))],
  reps,
);
const [streamMs] = await medians(
  [timed("stream", async () => joinStream(await stream()), check("stream()"))],
  reps,
);
const result: W1ChildResult = { floor: floor!, stream: streamMs! };
console.log(JSON.stringify(result));
