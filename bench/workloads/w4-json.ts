// W4: streaming JSON. A `{ "countries": [ { name, population } x K ] }` document, pretty-printed
// as a model writes it, arrives in 4-character chunks through each library's JsonOutputParser
// (`transform` over the chunk stream). Rivulet runs its default snapshot mode, in-place mode and
// path-event mode; LangChain its one mode. LangChain re-parses the whole text on every chunk
// (O(K²)), so its larger sizes get fewer repetitions, and sizes predicted to exceed the time
// budget are skipped and extrapolated from the power law fitted to the sizes it did run.

import { isDeepStrictEqual } from "node:util";
import { JsonOutputParser as LcJsonOutputParser } from "@langchain/core/output_parsers";
import { JsonOutputParser, type JsonOutputParserFields } from "rivulet";
import {
  type BenchSettings,
  expect,
  fitPower,
  fmt,
  interleave,
  median,
  type RepOptions,
  type Row,
  type Target,
  type TimedCase,
  timed,
  type WorkloadResult,
} from "../harness.js";

/** `{ "countries": [...] }` with `count` items, pretty-printed. */
export function countriesDocument(count: number): string {
  const countries = Array.from({ length: count }, (_, i) => ({
    name: `Country ${i} with a name`,
    population: 1_000_000 + ((i * 7_919) % 90_000_000),
  }));
  return JSON.stringify({ countries }, null, 2);
}

function chunked(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

async function* fromChunks(chunks: readonly string[]): AsyncGenerator<string> {
  for (const c of chunks) yield c;
}

/** Reads a parser's output stream: how many values it emitted and the last one. */
async function drain(stream: AsyncIterable<unknown>): Promise<{ emitted: number; last: unknown }> {
  let emitted = 0;
  let last: unknown;
  for await (const value of stream) {
    emitted += 1;
    last = value;
  }
  return { emitted, last };
}

interface Mode {
  key: string;
  label: string;
  fields: JsonOutputParserFields;
  /** The parsed document, from the last streamed chunk. */
  final: (last: unknown) => unknown;
}

const MODES: Mode[] = [
  { key: "snapshot", label: "snapshot (default)", fields: {}, final: (v) => v },
  { key: "in-place", label: "in-place", fields: { mode: "in-place" }, final: (v) => v },
  {
    key: "path-event",
    label: "path events",
    fields: { pathEvents: true },
    // The root's event comes last: `{ path: [], value }`.
    final: (v) =>
      (v as { path: unknown[] }).path.length === 0 ? (v as { value: unknown }).value : undefined,
  },
];

interface Plan {
  sizes: number[];
  /** Largest predicted time of one LangChain repetition that is still run, in ms. */
  maxSingleMs: number;
  /** Time budget for LangChain's repetitions at one size, in ms. */
  perSizeBudgetMs: number;
}

function planFor(settings: BenchSettings): Plan {
  return settings.quick
    ? { sizes: [50, 100, 200, 500, 1000], maxSingleMs: 1_500, perSizeBudgetMs: 3_000 }
    : { sizes: [100, 200, 500, 1000, 2000, 5000], maxSingleMs: 25_000, perSizeBudgetMs: 50_000 };
}

/** LangChain's repetitions at a size, from its predicted time; undefined to skip the size. */
function langchainReps(predictedMs: number, plan: Plan, group: RepOptions): RepOptions | undefined {
  if (predictedMs > plan.maxSingleMs) return undefined;
  if (predictedMs * (group.warmup + group.reps) <= plan.perSizeBudgetMs) return group;
  // Slow sizes: the JIT is already warm from the smaller ones, so no warm-up.
  return {
    warmup: 0,
    reps: Math.max(1, Math.min(group.reps, Math.floor(plan.perSizeBudgetMs / predictedMs))),
  };
}

/** Predicts LangChain's time at `k` from the sizes measured so far (quadratic until two exist). */
function predict(k: number, measured: { k: number; ms: number }[]): number {
  if (measured.length === 0) return 0;
  if (measured.length === 1) return measured[0]!.ms * (k / measured[0]!.k) ** 2;
  const { a, c } = fitPower(
    measured.map((m) => m.k),
    measured.map((m) => m.ms),
  );
  return c * k ** Math.max(a, 1);
}

/** Runs every parser a few times on a mid-sized document so that no size measures compilation. */
async function warmUp(): Promise<void> {
  const chunks = chunked(countriesDocument(300), 4);
  for (let r = 0; r < 5; r += 1) {
    for (const mode of MODES) await drain(new JsonOutputParser(mode.fields).transform(fromChunks(chunks)));
  }
  await drain(new LcJsonOutputParser().transform(fromChunks(chunked(countriesDocument(20), 4)), {}));
}

export async function runJson(settings: BenchSettings): Promise<WorkloadResult> {
  const plan = planFor(settings);
  await warmUp();
  const riv: number[][] = MODES.map(() => []);
  const lc: { k: number; ms: number; reps: number }[] = [];
  for (const k of plan.sizes) {
    const doc = countriesDocument(k);
    const expected: unknown = JSON.parse(doc);
    const chunks = chunked(doc, 4);
    const check = (lib: string, final: (last: unknown) => unknown) => (r: { last: unknown }) =>
      expect(isDeepStrictEqual(final(r.last), expected), `${lib} K=${k}: final value equals the document`);
    const cases: TimedCase[] = MODES.map((mode) =>
      timed(
        `rivulet ${mode.key}`,
        () => drain(new JsonOutputParser(mode.fields).transform(fromChunks(chunks))),
        check(`rivulet ${mode.key}`, mode.final),
      ),
    );
    const lcReps = langchainReps(predict(k, lc), plan, settings.reps);
    if (lcReps !== undefined) {
      const run = () => drain(new LcJsonOutputParser().transform(fromChunks(chunks), {}));
      cases.push(
        timed(
          "langchain",
          run,
          check("langchain", (v) => v),
          lcReps,
        ),
      );
    }
    const samples = await interleave(cases, settings.reps);
    MODES.forEach((_, i) => {
      riv[i]!.push(median(samples[i]!));
    });
    if (lcReps !== undefined) lc.push({ k, ms: median(samples[MODES.length]!), reps: lcReps.reps });
  }
  return report(plan, riv, lc);
}

function report(plan: Plan, riv: number[][], lc: { k: number; ms: number; reps: number }[]): WorkloadResult {
  const rows: Row[] = [];
  // With a single LangChain size, assume the quadratic growth its re-parsing implies.
  const lcFit =
    lc.length >= 2
      ? fitPower(
          lc.map((m) => m.k),
          lc.map((m) => m.ms),
        )
      : { a: 2, c: (lc[0]?.ms ?? Number.NaN) / (lc[0]?.k ?? 1) ** 2 };
  const lcAt = (k: number): { ms: number; note: string } => {
    const m = lc.find((x) => x.k === k);
    if (m !== undefined) return { ms: m.ms, note: m.reps < 3 ? `LC ${m.reps} rep(s)` : "" };
    return { ms: lcFit.c * k ** lcFit.a, note: "LC extrapolated (skipped: too slow)" };
  };
  plan.sizes.forEach((k, si) => {
    const l = lcAt(k);
    MODES.forEach((mode, mi) => {
      rows.push({
        workload: "W4",
        label: `K=${k} ${mode.label}`,
        unit: "ms",
        rivulet: riv[mi]![si],
        langchain: l.ms,
        note: l.note,
      });
    });
  });
  const exponents = MODES.map((_, mi) => fitPower(plan.sizes, riv[mi]!).a);
  MODES.forEach((mode, mi) => {
    rows.push({
      workload: "W4",
      label: `growth exponent a (time ~ K^a), ${mode.label}`,
      unit: "a",
      rivulet: exponents[mi],
      langchain: lcFit.a,
      noRatio: true,
      note: `last step (K=${plan.sizes.at(-2)}→${plan.sizes.at(-1)}): ${fmt(fitPower(plan.sizes.slice(-2), riv[mi]!.slice(-2)).a)}; LC fitted on K=${lc.map((m) => m.k).join(",")}`,
    });
  });
  const at1000 = plan.sizes.indexOf(1000);
  const lc1000 = lcAt(1000);
  const speedup = lc1000.ms / riv[0]![at1000]!;
  const targets: Target[] = [
    {
      workload: "W4",
      goal: "K=1,000 snapshot ≥ 100x faster",
      measured: `${fmt(speedup)}x${lc1000.note.includes("extrapolated") ? " (LC extrapolated)" : ""}`,
      pass: speedup >= 100,
    },
    ...MODES.map((mode, mi) => {
      const limit = mode.key === "snapshot" ? 1.3 : 1.1;
      return {
        workload: "W4",
        goal: `growth exponent ≤ ${limit} (${mode.label})`,
        measured: fmt(exponents[mi]),
        pass: exponents[mi]! <= limit,
      };
    }),
  ];
  return { rows, targets };
}
