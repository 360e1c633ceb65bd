// W8: an outer lambda that awaits an inner lambda D times, with `invoke` and with
// `streamEvents` v2. No config is passed to the inner call: the child runs are found through
// implicit propagation (AsyncLocalStorage), and the event check counts them. Rivulet sets its
// AsyncLocalStorage up itself; @langchain/core 1.4 does only once `@langchain/core/context` (or
// `callbacks/dispatch`) is imported, so W8 imports it first. That import is global and lasting:
// W8 runs last so that W1-W6 measure LangChain as it is by default, without it.

import { RunnableLambda as LcRunnableLambda } from "@langchain/core/runnables";
import { RunnableLambda } from "rivulet";
import {
  type BenchSettings,
  expect,
  fmt,
  medians,
  type TimedCase,
  timed,
  type WorkloadResult,
} from "../harness.js";

function rivuletOuter(depth: number) {
  const inner = RunnableLambda.from((x: number) => x + 1);
  return RunnableLambda.from(async (x: number) => {
    let v = x;
    for (let i = 0; i < depth; i += 1) v = await inner.invoke(v);
    return v;
  });
}

function langchainOuter(depth: number) {
  const inner = LcRunnableLambda.from((x: number) => x + 1);
  return LcRunnableLambda.from(async (x: number) => {
    let v = x;
    for (let i = 0; i < depth; i += 1) v = await inner.invoke(v);
    return v;
  });
}

/** Counts events, inner-run starts and the root's final output. */
async function tally(
  events: AsyncIterable<unknown>,
): Promise<{ events: number; starts: number; output: unknown }> {
  let count = 0;
  let starts = 0;
  let output: unknown;
  let rootId: unknown;
  for await (const raw of events) {
    const e = raw as { event: string; run_id: unknown; data: { output?: unknown } };
    count += 1;
    if (rootId === undefined) rootId = e.run_id;
    if (e.event === "on_chain_start" && e.run_id !== rootId) starts += 1;
    if (e.event === "on_chain_end" && e.run_id === rootId) output = e.data.output;
  }
  return { events: count, starts, output };
}

export async function runNested(settings: BenchSettings): Promise<WorkloadResult> {
  await import("@langchain/core/context");
  const depth = 1_000;
  const riv = rivuletOuter(depth);
  const lc = langchainOuter(depth);
  const checkInvoke = (lib: string) => (v: number) => expect(v === depth, `${lib} invoke: ${v}`);
  const checkEvents = (lib: string) => (t: { events: number; starts: number; output: unknown }) => {
    expect(t.starts === depth, `${lib} streamEvents: ${t.starts} inner runs seen, expected ${depth}`);
    expect(t.output === depth, `${lib} streamEvents: root output ${String(t.output)}`);
    // outer start, stream, end + start and end of each inner run.
    expect(t.events === 2 * depth + 3, `${lib} streamEvents: ${t.events} events, expected ${2 * depth + 3}`);
  };
  const cases: TimedCase[] = [
    timed("rivulet invoke", () => riv.invoke(0), checkInvoke("rivulet")),
    timed("langchain invoke", () => lc.invoke(0), checkInvoke("langchain")),
    timed("rivulet events", () => tally(riv.streamEvents(0, { version: "v2" })), checkEvents("rivulet")),
    timed("langchain events", () => tally(lc.streamEvents(0, { version: "v2" })), checkEvents("langchain")),
  ];
  const [ri, li, re, le] = (await medians(cases, settings.reps)) as [number, number, number, number];
  const us = (ms: number) => (ms * 1000) / depth;
  return {
    rows: [
      {
        workload: "W8",
        label: `${depth} nested invokes, invoke`,
        unit: "µs/inner",
        rivulet: us(ri),
        langchain: us(li),
        note: `total ${fmt(ri)} / ${fmt(li)} ms`,
      },
      {
        workload: "W8",
        label: `${depth} nested invokes, streamEvents`,
        unit: "µs/inner",
        rivulet: us(re),
        langchain: us(le),
        note: `total ${fmt(re)} / ${fmt(le)} ms; ${2 * depth + 3} events`,
      },
    ],
    targets: [
      {
        workload: "W8",
        goal: "nested invoke ≥ 10x faster",
        measured: `${fmt(li / ri)}x`,
        pass: li / ri >= 10,
      },
      {
        workload: "W8",
        goal: "nested streamEvents ≥ 10x faster",
        measured: `${fmt(le / re)}x`,
        pass: le / re >= 10,
      },
    ],
  };
}
