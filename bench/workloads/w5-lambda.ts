// W5: a 3-step lambda chain (`x + 1`, `x * 2`, `String`): `batch` of M inputs, and M sequential
// `invoke`s. Both libraries run batches with their default concurrency (Rivulet: 256 at once;
// @langchain/core: unbounded).

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

function rivuletChain() {
  return RunnableLambda.from((x: number) => x + 1)
    .pipe(RunnableLambda.from((x: number) => x * 2))
    .pipe(RunnableLambda.from((x: number) => String(x)));
}

function langchainChain() {
  return LcRunnableLambda.from((x: number) => x + 1)
    .pipe(LcRunnableLambda.from((x: number) => x * 2))
    .pipe(LcRunnableLambda.from((x: number) => String(x)));
}

/** The chain's interface both libraries share, for the sequential loop. */
interface Invokable {
  invoke(input: number): Promise<string>;
}

async function sequential(chain: Invokable, inputs: readonly number[]): Promise<string[]> {
  const out: string[] = [];
  for (const x of inputs) out.push(await chain.invoke(x));
  return out;
}

function checkOutputs(lib: string, inputs: readonly number[]) {
  return (out: readonly string[]) => {
    expect(out.length === inputs.length, `${lib}: ${out.length} outputs for ${inputs.length} inputs`);
    expect(
      inputs.every((x, i) => out[i] === String((x + 1) * 2)),
      `${lib}: outputs are String((x + 1) * 2)`,
    );
  };
}

export async function runLambda(settings: BenchSettings): Promise<WorkloadResult> {
  const m = settings.quick ? 1_000 : 10_000;
  const inputs = Array.from({ length: m }, (_, i) => i);
  const riv = rivuletChain();
  const lc = langchainChain();
  const cases: TimedCase[] = [
    timed("rivulet batch", () => riv.batch([...inputs]), checkOutputs("rivulet batch", inputs)),
    timed("langchain batch", () => lc.batch([...inputs]), checkOutputs("langchain batch", inputs)),
    timed("rivulet invoke", () => sequential(riv, inputs), checkOutputs("rivulet invoke", inputs)),
    timed("langchain invoke", () => sequential(lc, inputs), checkOutputs("langchain invoke", inputs)),
  ];
  const [rb, lb, ri, li] = (await medians(cases, settings.reps)) as [number, number, number, number];
  const label = `M=${m.toLocaleString("en-US")}`;
  const us = (ms: number) => (ms * 1000) / m;
  return {
    rows: [
      {
        workload: "W5",
        label: `${label} 3-lambda batch`,
        unit: "µs/input",
        rivulet: us(rb),
        langchain: us(lb),
        note: `total ${fmt(rb)} / ${fmt(lb)} ms`,
      },
      {
        workload: "W5",
        label: `${label} 3-lambda invoke loop`,
        unit: "µs/input",
        rivulet: us(ri),
        langchain: us(li),
        note: `total ${fmt(ri)} / ${fmt(li)} ms`,
      },
    ],
    targets: [
      { workload: "W5", goal: "batch ≥ 20x faster", measured: `${fmt(lb / rb)}x`, pass: lb / rb >= 20 },
      {
        workload: "W5",
        goal: "sequential invoke ≥ 20x faster",
        measured: `${fmt(li / ri)}x`,
        pass: li / ri >= 20,
      },
    ],
  };
}
