// Timing harness shared by the workloads: interleaved repetitions with warm-up, medians,
// log-log fitting, and the row/target types the table in `run.ts` prints.

import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** The two libraries measured side by side. */
export type Lib = "rivulet" | "langchain";

/** One repetition of a measured case: runs the work, checks its output, returns the time in ms. */
export interface TimedCase {
  readonly name: string;
  /** This case's own repetition counts, when it is too slow for the group's (fewer reps). */
  reps?: RepOptions | undefined;
  once(): Promise<number>;
}

/**
 * A case whose `run` is timed and whose result is then checked by `check` (untimed). `check`
 * throws when the output is wrong, so a broken workload fails loudly instead of timing nothing.
 */
export function timed<R>(
  name: string,
  run: () => Promise<R>,
  check: (result: R) => void,
  reps?: RepOptions,
): TimedCase {
  return {
    name,
    reps,
    async once() {
      // No forced GC here: a full GC before a repetition shrinks the young generation, and the
      // next run then pays for many more scavenges (measured: 5x slower streams). Interleaving
      // spreads the GC debt over the cases instead. The floor, measured in a block of its own,
      // does collect first (`afterCollection`).
      const start = performance.now();
      const result = await run();
      const ms = performance.now() - start;
      check(result);
      return ms;
    },
  };
}

/**
 * The same case with a full garbage collection before each repetition (untimed). Used for the
 * W0 floor, timed in a block of its own: it allocates almost nothing, so the collection only
 * removes the garbage the cases before it left, which would otherwise land in its time.
 */
export function afterCollection(inner: TimedCase): TimedCase {
  return {
    name: inner.name,
    reps: inner.reps,
    once() {
      collectGarbage();
      return inner.once();
    },
  };
}

/** Throws with `what` when `ok` is false. */
export function expect(ok: boolean, what: string): void {
  if (!ok) throw new Error(`bench check failed: ${what}`);
}

/** Repetition counts: warm-up runs are timed but dropped. */
export interface RepOptions {
  warmup: number;
  reps: number;
}

/**
 * Runs every case `warmup + reps` times, interleaved: A B C, then C B A, then A B C... so the
 * machine's slow and fast moments fall on all cases alike. A case with its own (smaller) `reps`
 * takes part in the first rounds only. Returns each case's timed reps (warm-up dropped), in
 * the order of `cases`.
 */
export async function interleave(cases: readonly TimedCase[], options: RepOptions): Promise<number[][]> {
  const samples: number[][] = cases.map(() => []);
  const own = cases.map((c) => c.reps ?? options);
  const rounds = Math.max(...own.map((o) => o.warmup + o.reps));
  for (let r = 0; r < rounds; r += 1) {
    const order = cases.map((_, i) => i);
    if (r % 2 === 1) order.reverse();
    for (const i of order) {
      const o = own[i]!;
      if (r >= o.warmup + o.reps) continue;
      const ms = await cases[i]!.once();
      if (r >= o.warmup) samples[i]!.push(ms);
    }
  }
  return samples;
}

/** Interleaves the cases and returns each case's median time in ms. */
export async function medians(cases: readonly TimedCase[], options: RepOptions): Promise<number[]> {
  return (await interleave(cases, options)).map(median);
}

/** The median of `values` (the mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Least-squares fit of log(y) = log(c) + a·log(x): returns `{ a, c }` so y ≈ c·x^a. */
export function fitPower(xs: readonly number[], ys: readonly number[]): { a: number; c: number } {
  const lx = xs.map(Math.log);
  const ly = ys.map(Math.log);
  const mx = lx.reduce((s, v) => s + v, 0) / lx.length;
  const my = ly.reduce((s, v) => s + v, 0) / ly.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < lx.length; i += 1) {
    num += (lx[i]! - mx) * (ly[i]! - my);
    den += (lx[i]! - mx) ** 2;
  }
  const a = den === 0 ? Number.NaN : num / den;
  return { a, c: Math.exp(my - a * mx) };
}

let gc: (() => void) | undefined;

/**
 * Runs a full garbage collection (`--expose-gc` is switched on at run time if needed): used
 * before taking a memory baseline and before each repetition of the floor, never between the
 * libraries' timed repetitions.
 */
export function collectGarbage(): void {
  if (gc === undefined) {
    // `node --expose-gc` gives a global `gc`; otherwise switch the flag on and take it from a
    // new context, where the global is created.
    const global: unknown = (globalThis as { gc?: unknown }).gc;
    if (typeof global !== "function") setFlagsFromString("--expose-gc");
    const found: unknown =
      typeof global === "function" ? global : runInNewContext("typeof gc === 'function' ? gc : undefined");
    gc = typeof found === "function" ? (found as () => void) : () => {};
  }
  gc();
}

/** One line of the results table. Times are medians; `per` names the unit of the time columns. */
export interface Row {
  workload: string;
  label: string;
  /** Unit of `rivulet`, `langchain` and `floor`: "ms" (total), "µs/chunk", "MB"... */
  unit: string;
  rivulet?: number | undefined;
  langchain?: number | undefined;
  /** The W0 floor in the same unit, for the "/ floor" columns. */
  floor?: number | undefined;
  /** LangChain's own floor, when it was measured apart (in its own process); else `floor`. */
  langchainFloor?: number | undefined;
  /** Leave the ratio columns empty (the values are not times, e.g. a fitted exponent). */
  noRatio?: boolean | undefined;
  note?: string | undefined;
}

/** A target of the issue, with what was measured and whether it holds. */
export interface Target {
  workload: string;
  goal: string;
  measured: string;
  pass: boolean;
}

/** What a workload group hands back to the orchestrator. */
export interface WorkloadResult {
  rows: Row[];
  targets: Target[];
}

/** Size settings for the whole run: `--quick` shrinks them. */
export interface BenchSettings {
  quick: boolean;
  reps: RepOptions;
}

/** Formats a number with 3 significant digits (or fewer decimals for large values). */
export function fmt(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return "—";
  const abs = Math.abs(value);
  if (abs >= 1000) return value.toFixed(0);
  if (abs >= 100) return value.toFixed(1);
  if (abs >= 10) return value.toFixed(2);
  if (abs >= 1) return value.toFixed(2);
  return value.toPrecision(3);
}

/** Formats a ratio as "12.3x". */
export function ratio(value: number): string {
  return `${fmt(value)}x`;
}

/** The run's settings: `--quick` takes fewer repetitions (workloads also shrink their sizes). */
export function settingsFor(quick: boolean): BenchSettings {
  return quick ? { quick, reps: { warmup: 1, reps: 5 } } : { quick, reps: { warmup: 3, reps: 9 } };
}
