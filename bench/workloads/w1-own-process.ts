// W1 with each library in a process of its own (w1-child.ts): the floor and `stream()` per
// chunk, without the other library in the process. Children alternate (R L, L R...); each
// reports its medians, and the row shows the median over the children of each library, each
// library against the floor measured in its own processes.

import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { type BenchSettings, fmt, type Lib, median, type Row, type Target } from "../harness.js";
import { nodeMajor } from "../node-runtime.js";
import type { W1ChildResult } from "./w1-child.js";

const run = promisify(execFile);
const CHILD = fileURLToPath(new URL("./w1-child.js", import.meta.url));

/**
 * Warm-up chunks per child at least: a fresh process has compiled nothing yet, and one warm-up
 * repetition of 1,000 tokens left Rivulet's stream several times slower than in a warm process.
 */
const MIN_WARMUP_CHUNKS = 20_000;

async function child(lib: Lib, n: number, settings: BenchSettings): Promise<W1ChildResult> {
  const reps = settings.reps.reps;
  const warmup = Math.max(settings.reps.warmup, Math.ceil(MIN_WARMUP_CHUNKS / n));
  const args = ["--expose-gc", CHILD, lib, String(n), String(warmup), String(reps)];
  const { stdout } = await run(process.execPath, args, { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "") as W1ChildResult;
}

/** The `stream()` target in a process of its own: ≤ 3x the floor on Node 24 and later, ≤ 5x before. */
export function ownProcessStreamTarget(nodeVersion: string = process.version): number {
  return nodeMajor(nodeVersion) >= 24 ? 3 : 5;
}

/** W1 for N tokens, one library per process. */
export async function runOwnProcess(
  n: number,
  settings: BenchSettings,
): Promise<{ row: Row; target: Target }> {
  const children = settings.quick ? 2 : 3;
  const results: Record<Lib, W1ChildResult[]> = { rivulet: [], langchain: [] };
  for (let r = 0; r < children; r += 1) {
    const order: Lib[] = r % 2 === 0 ? ["rivulet", "langchain"] : ["langchain", "rivulet"];
    for (const lib of order) results[lib].push(await child(lib, n, settings));
  }
  const us = (ms: number) => (ms * 1000) / n;
  const med = (lib: Lib, pick: (c: W1ChildResult) => number) => us(median(results[lib].map(pick)));
  const floor = { r: med("rivulet", (c) => c.floor), l: med("langchain", (c) => c.floor) };
  const stream = { r: med("rivulet", (c) => c.stream), l: med("langchain", (c) => c.stream) };
  const label = `N=${n.toLocaleString("en-US")}`;
  const goal = ownProcessStreamTarget();
  return {
    row: {
      workload: "W1",
      label: `${label} stream(), each library in its own process`,
      unit: "µs/chunk",
      rivulet: stream.r,
      langchain: stream.l,
      floor: floor.r,
      langchainFloor: floor.l,
      note: `${children} processes per library; floors ${fmt(floor.r)} / ${fmt(floor.l)} µs`,
    },
    target: {
      workload: "W1",
      goal: `${label}: per chunk ≤ ${goal}x the floor, in a process of its own (${process.version})`,
      measured: `${fmt(stream.r / floor.r)}x`,
      pass: stream.r / floor.r <= goal,
    },
  };
}
