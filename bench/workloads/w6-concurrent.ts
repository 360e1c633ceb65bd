// W6: S concurrent `stream()`s of W1's chain with T tokens each. Each repetition runs in a fresh
// child process (`node --expose-gc`) for a clean heap; children alternate between the libraries
// (R L, L R, ...). Reports the median time and the median peak heap and RSS growth.

import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { type BenchSettings, fmt, type Lib, median, type WorkloadResult } from "../harness.js";
import type { ChildResult } from "./w6-child.js";

const run = promisify(execFile);
const CHILD = fileURLToPath(new URL("./w6-child.js", import.meta.url));

async function child(lib: Lib, streams: number, tokens: number): Promise<ChildResult> {
  const { stdout } = await run(
    process.execPath,
    ["--expose-gc", CHILD, lib, String(streams), String(tokens)],
    {
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "") as ChildResult;
}

const MB = 1024 * 1024;

export async function runConcurrent(settings: BenchSettings): Promise<WorkloadResult> {
  const streams = 1_000;
  const tokens = 100;
  const reps = settings.quick ? 2 : 5;
  const results: Record<Lib, ChildResult[]> = { rivulet: [], langchain: [] };
  for (let r = 0; r < reps; r += 1) {
    const order: Lib[] = r % 2 === 0 ? ["rivulet", "langchain"] : ["langchain", "rivulet"];
    for (const lib of order) results[lib].push(await child(lib, streams, tokens));
  }
  const med = (lib: Lib, f: (c: ChildResult) => number) => median(results[lib].map(f));
  const time = { r: med("rivulet", (c) => c.ms), l: med("langchain", (c) => c.ms) };
  const heap = { r: med("rivulet", (c) => c.heapGrowth / MB), l: med("langchain", (c) => c.heapGrowth / MB) };
  const rss = { r: med("rivulet", (c) => c.rssGrowth / MB), l: med("langchain", (c) => c.rssGrowth / MB) };
  const label = `${streams} streams x ${tokens} tokens`;
  const samples = `${med("rivulet", (c) => c.samples)} / ${med("langchain", (c) => c.samples)} memory samples`;
  return {
    rows: [
      {
        workload: "W6",
        label: `${label}, time`,
        unit: "ms",
        rivulet: time.r,
        langchain: time.l,
        note: `${reps} child processes per library`,
      },
      { workload: "W6", label: `${label}, peak heap growth`, unit: "MB", rivulet: heap.r, langchain: heap.l },
      {
        workload: "W6",
        label: `${label}, peak RSS growth`,
        unit: "MB",
        rivulet: rss.r,
        langchain: rss.l,
        note: samples,
      },
    ],
    targets: [
      {
        workload: "W6",
        goal: "1,000 concurrent streams ≥ 10x faster",
        measured: `${fmt(time.l / time.r)}x`,
        pass: time.l / time.r >= 10,
      },
      {
        workload: "W6",
        goal: "peak heap growth ≤ 1/3 of LangChain's",
        measured: `${fmt(heap.r)} / ${fmt(heap.l)} MB = ${fmt(heap.r / heap.l)}`,
        pass: heap.r / heap.l <= 1 / 3,
      },
    ],
  };
}
