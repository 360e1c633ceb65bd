// W0 floor, W1 `stream()`, W2 `streamEvents` v2 and W3 `streamLog` of prompt | model | parser,
// N tokens. The six library cases are interleaved in one group per N so their ratios share the
// same noise; the floor is timed just before, in a block of its own with a full collection before
// each repetition (it allocates almost nothing, so it would otherwise pay for the garbage the
// library cases leave). W1 is also measured with each library in a process of its own
// (w1-own-process.ts), where neither runs under the other's process-wide setup.

import {
  afterCollection,
  type BenchSettings,
  expect,
  fmt,
  medians,
  type Row,
  type Target,
  type TimedCase,
  timed,
  type WorkloadResult,
} from "../harness.js";
import { INPUT, joinStream, jokeChains, makeTokens } from "./chains.js";
import { runOwnProcess } from "./w1-own-process.js";

async function* plainGenerator(tokens: readonly string[]): AsyncGenerator<string> {
  for (const token of tokens) yield token;
}

/** What an event stream is checked on: total events, model tokens, and the root's streamed text. */
interface EventTally {
  events: number;
  modelStreams: number;
  text: string;
}

/** Reads `streamEvents` output (either library) and tallies it. */
async function tallyEvents(events: AsyncIterable<unknown>): Promise<EventTally> {
  const tally: EventTally = { events: 0, modelStreams: 0, text: "" };
  let rootId: unknown;
  for await (const raw of events) {
    const e = raw as { event: string; run_id: unknown; data: { chunk?: unknown } };
    tally.events += 1;
    if (rootId === undefined) rootId = e.run_id;
    if (e.event === "on_chat_model_stream") tally.modelStreams += 1;
    else if (e.event === "on_chain_stream" && e.run_id === rootId && typeof e.data.chunk === "string") {
      tally.text += e.data.chunk;
    }
  }
  return tally;
}

/** Reads `streamLog` patches (either library) and joins the root's streamed output from the ops. */
async function tallyLog(patches: AsyncIterable<unknown>): Promise<{ patches: number; text: string }> {
  let count = 0;
  let text = "";
  for await (const raw of patches) {
    count += 1;
    for (const op of (raw as { ops: { op: string; path: string; value?: unknown }[] }).ops) {
      if (op.op === "add" && op.path === "/streamed_output/-" && typeof op.value === "string")
        text += op.value;
    }
  }
  return { patches: count, text };
}

function checkEvents(lib: string, n: number, expected: string) {
  return (t: EventTally) => {
    expect(t.text === expected, `${lib} streamEvents: root stream text`);
    expect(t.modelStreams === n, `${lib} streamEvents: ${t.modelStreams} model stream events, expected ${n}`);
    // start+end of sequence, prompt, model, parser (8) + a stream event per token for model,
    // parser and the sequence (3n).
    expect(t.events === 3 * n + 8, `${lib} streamEvents: ${t.events} events, expected ${3 * n + 8}`);
  };
}

function textCheck(expected: string) {
  return (lib: string) => (r: { text: string }) => expect(r.text === expected, `${lib} text`);
}

/** The W0 floor: a plain async generator read by `for await`, collected before each repetition. */
function floorCase(n: number): TimedCase {
  const tokens = makeTokens(n);
  const check = textCheck(tokens.join(""));
  return afterCollection(timed("floor", () => joinStream(plainGenerator(tokens)), check("floor")));
}

function cases(n: number): TimedCase[] {
  const tokens = makeTokens(n);
  const expected = tokens.join("");
  const chains = jokeChains(tokens);
  const checkText = textCheck(expected);
  return [
    timed("rivulet stream", async () => joinStream(await chains.rivulet.stream(INPUT)), checkText("rivulet")),
    timed(
      "langchain stream",
      async () => joinStream(await chains.langchain.stream(INPUT)),
      checkText("langchain"),
    ),
    timed(
      "rivulet events",
      () => tallyEvents(chains.rivulet.streamEvents(INPUT, { version: "v2" })),
      checkEvents("rivulet", n, expected),
    ),
    timed(
      "langchain events",
      () => tallyEvents(chains.langchain.streamEvents(INPUT, { version: "v2" })),
      checkEvents("langchain", n, expected),
    ),
    timed("rivulet log", () => tallyLog(chains.rivulet.streamLog(INPUT)), checkText("rivulet streamLog")),
    timed(
      "langchain log",
      () => tallyLog(chains.langchain.streamLog(INPUT)),
      checkText("langchain streamLog"),
    ),
  ];
}

/** Runs W0-W3 for one N; times per chunk/event in µs. */
async function runSize(n: number, settings: BenchSettings): Promise<WorkloadResult> {
  const [floor] = (await medians([floorCase(n)], settings.reps)) as [number];
  const [rs, ls, re, le, rl, ll] = (await medians(cases(n), settings.reps)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const own = await runOwnProcess(n, settings);
  const us = (ms: number, per: number) => (ms * 1000) / per;
  const events = 3 * n + 8;
  const label = `N=${n.toLocaleString("en-US")}`;
  const rows: Row[] = [
    { workload: "W0", label: `${label} async generator`, unit: "µs/chunk", floor: us(floor, n) },
    {
      workload: "W1",
      label: `${label} stream()`,
      unit: "µs/chunk",
      rivulet: us(rs, n),
      langchain: us(ls, n),
      floor: us(floor, n),
      note: `total ${fmt(rs)} / ${fmt(ls)} ms; same process`,
    },
    own.row,
    {
      workload: "W2",
      label: `${label} streamEvents v2`,
      unit: "µs/event",
      rivulet: us(re, events),
      langchain: us(le, events),
      floor: us(floor, n),
      note: `${events} events; total vs W1: ${fmt(re / rs)}x / ${fmt(le / ls)}x`,
    },
    {
      workload: "W3",
      label: `${label} streamLog`,
      unit: "µs/chunk",
      rivulet: us(rl, n),
      langchain: us(ll, n),
      floor: us(floor, n),
      note: `total vs W1: ${fmt(rl / rs)}x / ${fmt(ll / ls)}x`,
    },
  ];
  const targets: Target[] = [
    {
      workload: "W1",
      goal: `${label}: per chunk ≤ 5x the W0 floor (same process)`,
      measured: `${fmt(rs / floor)}x`,
      pass: rs / floor <= 5,
    },
    own.target,
    {
      workload: "W2",
      goal: `${label}: streamEvents ≥ 10x faster than LangChain`,
      measured: `${fmt(le / re)}x`,
      pass: le / re >= 10,
    },
    {
      workload: "W3",
      goal: `${label}: streamLog ≥ 10x faster than LangChain`,
      measured: `${fmt(ll / rl)}x`,
      pass: ll / rl >= 10,
    },
  ];
  return { rows, targets };
}

/** W0-W3 for N = 1,000 and 10,000. */
export async function runStreaming(settings: BenchSettings): Promise<WorkloadResult> {
  const result: WorkloadResult = { rows: [], targets: [] };
  for (const n of settings.quick ? [1_000, 5_000] : [1_000, 10_000]) {
    const part = await runSize(n, settings);
    result.rows.push(...part.rows);
    result.targets.push(...part.targets);
  }
  return result;
}
