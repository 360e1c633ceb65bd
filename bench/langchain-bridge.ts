// What crossing the @langchain/core bridge costs per event. Four cases, each streaming v2 events
// of a prompt | chat model chain whose model streams 200 tokens with no delay:
//   LC      a LangChain chain's own streamEvents (the floor for fromLangChain)
//   from    the same LangChain chain wrapped with fromLangChain, events through Rivulet
//   RV      a Rivulet chain's own streamEvents (the floor for toLangChain)
//   to      the same Rivulet chain wrapped with toLangChain, events through LangChain
// Interleaved rounds (A B C D, then D C B A...), medians after warm-up; the table gives µs per
// event and each bridge as a ratio to its floor.
//
// Run: npm run bench:langchain (builds first)

import { ChatPromptTemplate as LangChainChatPromptTemplate } from "@langchain/core/prompts";
import { FakeListChatModel as LangChainFakeListChatModel } from "@langchain/core/utils/testing";
import { ChatPromptTemplate } from "rivulet";
import { fromLangChain, toLangChain } from "rivulet/langchain";
import { FakeListChatModel } from "rivulet/testing";

const TOKENS = 200;
const ANSWER = Array.from({ length: TOKENS }, (_, index) => `w${index}`).join(" ");

interface Case {
  name: string;
  /** Streams the events once and returns how many there were. */
  run(): Promise<number>;
}

function langChainChain() {
  return LangChainChatPromptTemplate.fromMessages([["human", "{q}"]]).pipe(
    new LangChainFakeListChatModel({ responses: [ANSWER] }),
  );
}

function rivuletChain() {
  return ChatPromptTemplate.fromMessages([["human", "{q}"]]).pipe(
    new FakeListChatModel({ responses: [ANSWER], chunking: "word" }),
  );
}

async function count(events: AsyncIterable<unknown>): Promise<number> {
  let seen = 0;
  for await (const _event of events) seen++;
  return seen;
}

const CASES: Case[] = [
  { name: "LC", run: () => count(langChainChain().streamEvents({ q: "go" }, { version: "v2" })) },
  {
    name: "from",
    run: () => count(fromLangChain(langChainChain()).streamEvents({ q: "go" }, { version: "v2" })),
  },
  { name: "RV", run: () => count(rivuletChain().streamEvents({ q: "go" }, { version: "v2" })) },
  { name: "to", run: () => count(toLangChain(rivuletChain()).streamEvents({ q: "go" }, { version: "v2" })) },
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Runs the cases interleaved and returns each one's median µs per event and its event count. */
export async function runBridgeBench(options: {
  rounds: number;
  warmup: number;
  reps: number;
}): Promise<Map<string, { perEvent: number; events: number }>> {
  const samples = new Map<string, number[]>(CASES.map((each) => [each.name, []]));
  const events = new Map<string, number>();
  for (let round = 0; round < options.warmup + options.rounds; round++) {
    const order = round % 2 === 0 ? CASES : [...CASES].reverse();
    for (const each of order) {
      const started = performance.now();
      let seen = 0;
      for (let rep = 0; rep < options.reps; rep++) seen += await each.run();
      const elapsed = performance.now() - started;
      events.set(each.name, seen / options.reps);
      if (round >= options.warmup) samples.get(each.name)?.push((elapsed * 1000) / seen);
    }
  }
  const result = new Map<string, { perEvent: number; events: number }>();
  for (const each of CASES)
    result.set(each.name, {
      perEvent: median(samples.get(each.name) ?? []),
      events: events.get(each.name) ?? 0,
    });
  return result;
}

async function main(): Promise<void> {
  const quick = process.argv.includes("--quick");
  const results = await runBridgeBench(
    quick ? { rounds: 5, warmup: 1, reps: 5 } : { rounds: 9, warmup: 3, reps: 20 },
  );
  const floor = (name: string) => results.get(name)?.perEvent ?? Number.NaN;
  console.log("case   events   µs/event   ratio to its floor");
  for (const [name, { perEvent, events }] of results) {
    const base = name === "from" ? floor("LC") : name === "to" ? floor("RV") : perEvent;
    console.log(
      `${name.padEnd(6)} ${String(events).padStart(6)}   ${perEvent.toFixed(2).padStart(8)}   ${(perEvent / base).toFixed(2)}x`,
    );
  }
}

if (process.argv[1]?.endsWith("langchain-bridge.js")) await main();
