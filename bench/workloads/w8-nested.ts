// W8: an outer lambda that awaits an inner lambda D times. Three ways of linking the inner runs
// to the outer one, each with `invoke`:
// - implicit: `inner.invoke(v)`, no config; the child runs are found through AsyncLocalStorage;
// - explicit: `inner.invoke(v, config)`, the lambda's own config passed on (LangChain's idiom);
// - withConfig: `inner.withConfig({ tags })` bound once, called with the lambda's config, so each
//   call merges the bound config with the call's;
// and the implicit one with `streamEvents` v2 (the event check counts the inner runs). Rivulet
// sets its AsyncLocalStorage up itself; @langchain/core 1.4 does only once
// `@langchain/core/context` (or `callbacks/dispatch`) is imported, so W8 imports it first. That
// import is global and lasting: W8 runs last so that W1-W6 measure LangChain as it is by default.

import type { RunnableConfig as LcRunnableConfig } from "@langchain/core/runnables";
import { RunnableLambda as LcRunnableLambda } from "@langchain/core/runnables";
import { type RunnableConfig, RunnableLambda } from "rivulet";
import {
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
import { nodeMajor } from "../node-runtime.js";

/** How the outer lambda calls the inner one. */
type Variant = "implicit" | "explicit" | "withConfig";

const VARIANTS: readonly Variant[] = ["implicit", "explicit", "withConfig"];

/** The one method W8 calls on either library's inner runnable. */
interface Inner<Config> {
  invoke(input: number, config?: Config): Promise<number>;
}

/** The outer loop, shared by both libraries: `depth` sequential inner calls. */
function outerBody<Config>(inner: Inner<Config>, depth: number, variant: Variant) {
  return async (x: number, config: Config): Promise<number> => {
    let v = x;
    if (variant === "implicit") {
      for (let i = 0; i < depth; i += 1) v = await inner.invoke(v);
    } else {
      for (let i = 0; i < depth; i += 1) v = await inner.invoke(v, config);
    }
    return v;
  };
}

function rivuletOuter(depth: number, variant: Variant) {
  const lambda = RunnableLambda.from((x: number) => x + 1);
  const inner: Inner<RunnableConfig> =
    variant === "withConfig" ? lambda.withConfig({ tags: ["inner"] }) : lambda;
  return RunnableLambda.from(outerBody(inner, depth, variant));
}

function langchainOuter(depth: number, variant: Variant) {
  const lambda = LcRunnableLambda.from((x: number) => x + 1);
  const inner: Inner<LcRunnableConfig> =
    variant === "withConfig" ? lambda.withConfig({ tags: ["inner"] }) : lambda;
  return LcRunnableLambda.from(outerBody(inner, depth, variant));
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

/** The invoke target for this Node version: ≥ 20x on Node 24 and later, ≥ 10x before. */
export function nestedInvokeTarget(nodeVersion: string = process.version): number {
  return nodeMajor(nodeVersion) >= 24 ? 20 : 10;
}

/** Runs `outer.invoke(0)` `times` times in a row; returns the last output. */
async function invokeTimes(
  outer: { invoke(input: number): Promise<number> },
  times: number,
): Promise<number> {
  let output = 0;
  for (let i = 0; i < times; i += 1) output = await outer.invoke(0);
  return output;
}

function invokeCases(depth: number, times: number): TimedCase[] {
  const check = (name: string) => (v: number) => expect(v === depth, `${name}: ${v}`);
  return VARIANTS.flatMap((variant) => {
    const riv = rivuletOuter(depth, variant);
    const lc = langchainOuter(depth, variant);
    return [
      timed(`rivulet ${variant}`, () => invokeTimes(riv, times), check(`rivulet ${variant}`)),
      timed(`langchain ${variant}`, () => invokeTimes(lc, times), check(`langchain ${variant}`)),
    ];
  });
}

function eventCases(depth: number): TimedCase[] {
  const riv = rivuletOuter(depth, "implicit");
  const lc = langchainOuter(depth, "implicit");
  const check = (lib: string) => (t: { events: number; starts: number; output: unknown }) => {
    expect(t.starts === depth, `${lib} streamEvents: ${t.starts} inner runs seen, expected ${depth}`);
    expect(t.output === depth, `${lib} streamEvents: root output ${String(t.output)}`);
    // outer start, stream, end + start and end of each inner run.
    expect(t.events === 2 * depth + 3, `${lib} streamEvents: ${t.events} events, expected ${2 * depth + 3}`);
  };
  return [
    timed("rivulet events", () => tally(riv.streamEvents(0, { version: "v2" })), check("rivulet")),
    timed("langchain events", () => tally(lc.streamEvents(0, { version: "v2" })), check("langchain")),
  ];
}

export async function runNested(settings: BenchSettings): Promise<WorkloadResult> {
  await import("@langchain/core/context");
  const depth = 1_000;
  // Each invoke repetition runs the outer lambda several times: one run of 1,000 inner calls
  // takes about 1 ms in Rivulet, short enough that a process's timings depended on when V8's
  // optimised code arrived (medians 0.7 to 5 µs per inner call from one process to the next).
  const repeat = settings.quick ? 4 : 10;
  const times = await medians([...invokeCases(depth, repeat), ...eventCases(depth)], settings.reps);
  const us = (ms: number, per: number) => (ms * 1000) / per;
  const rows: Row[] = [];
  const targets: Target[] = [];
  const invokeGoal = nestedInvokeTarget();
  const labels = [...VARIANTS.map((v) => `invoke, ${v}`), "streamEvents, implicit"];
  labels.forEach((label, i) => {
    const riv = times[2 * i]!;
    const lc = times[2 * i + 1]!;
    const invoke = label.startsWith("invoke");
    const goal = invoke ? invokeGoal : 10;
    const inner = invoke ? depth * repeat : depth;
    rows.push({
      workload: "W8",
      label: `${depth} nested invokes, ${label}`,
      unit: "µs/inner",
      rivulet: us(riv, inner),
      langchain: us(lc, inner),
      note: invoke
        ? `total ${fmt(riv)} / ${fmt(lc)} ms for ${repeat} outer runs`
        : `total ${fmt(riv)} / ${fmt(lc)} ms; ${2 * depth + 3} events`,
    });
    targets.push({
      workload: "W8",
      goal: `nested ${label} ≥ ${goal}x faster (${process.version})`,
      measured: `${fmt(lc / riv)}x`,
      pass: lc / riv >= goal,
    });
  });
  return { rows, targets };
}
