// W7: cold start and install size.
// - Cold import: a fresh `node` process imports the modules a chat-chain program uses and
//   prints how long the imports took (measured inside the process, so node's own start-up is
//   left out; the whole process time is in the notes). Processes alternate between libraries.
// - Install size: Rivulet's packed files (`npm pack --dry-run --json`, unpacked size) plus its
//   runtime `dependencies` closure, versus the on-disk size of `node_modules/@langchain/core`
//   and its `dependencies` closure, resolved the way node does (nested node_modules first).

import { execFile } from "node:child_process";
import { existsSync, lstatSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { type BenchSettings, expect, fmt, type Lib, median, type WorkloadResult } from "../harness.js";

const exec = promisify(execFile);
const ROOT = process.cwd();

const IMPORTS: Record<Lib, string[]> = {
  rivulet: ["rivulet", "rivulet/testing"],
  langchain: [
    "@langchain/core/runnables",
    "@langchain/core/prompts",
    "@langchain/core/output_parsers",
    "@langchain/core/messages",
    "@langchain/core/language_models/chat_models",
    "@langchain/core/utils/testing",
  ],
};

/** Spawns a fresh node that imports `lib`'s modules; returns [import ms, whole process ms]. */
async function coldImport(lib: Lib): Promise<[number, number]> {
  const code = [
    "const t = performance.now();",
    ...IMPORTS[lib].map((m) => `await import(${JSON.stringify(m)});`),
    "console.log(performance.now() - t);",
  ].join("\n");
  const start = performance.now();
  const { stdout } = await exec(process.execPath, ["--input-type=module", "-e", code], { cwd: ROOT });
  const whole = performance.now() - start;
  const ms = Number(stdout.trim());
  expect(Number.isFinite(ms), `${lib} cold import printed ${stdout}`);
  return [ms, whole];
}

/** Total size in bytes of the files under `dir` (symlinks not followed). */
function dirSize(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += dirSize(path);
    else if (entry.isFile()) total += lstatSync(path).size;
  }
  return total;
}

/** The directory node would load `name` from when required by the package in `from`. */
function resolvePackageDir(name: string, from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

function dependenciesOf(dir: string): string[] {
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
    dependencies?: Record<string, string>;
  };
  return Object.keys(pkg.dependencies ?? {});
}

/**
 * Size of the runtime `dependencies` closure of the package in `dir` (excluding `dir` itself
 * unless `includeSelf`). A package's own nested node_modules are counted within it once.
 */
function closureSize(dir: string, includeSelf: boolean): { bytes: number; packages: number } {
  const seen = new Set<string>();
  const visit = (d: string) => {
    if (seen.has(d)) return;
    seen.add(d);
    for (const dep of dependenciesOf(d)) {
      const found = resolvePackageDir(dep, d);
      if (found !== undefined) visit(found);
    }
  };
  visit(dir);
  if (!includeSelf) seen.delete(dir);
  // Count each directory once, and not again as part of an enclosing package already counted.
  const dirs = [...seen].filter((d) => ![...seen].some((o) => o !== d && d.startsWith(`${o}/`)));
  return { bytes: dirs.reduce((s, d) => s + dirSize(d), 0), packages: seen.size };
}

async function rivuletPackedSize(): Promise<number> {
  const { stdout } = await exec("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: ROOT });
  const [info] = JSON.parse(stdout) as { unpackedSize: number }[];
  expect(info !== undefined && info.unpackedSize > 0, "npm pack --dry-run reported a size");
  return info!.unpackedSize;
}

const MB = 1024 * 1024;

export async function runColdStart(settings: BenchSettings): Promise<WorkloadResult> {
  const reps = settings.quick ? 5 : 15;
  const times: Record<Lib, [number, number][]> = { rivulet: [], langchain: [] };
  await coldImport("rivulet"); // warm the disk cache for both
  await coldImport("langchain");
  for (let r = 0; r < reps; r += 1) {
    const order: Lib[] = r % 2 === 0 ? ["rivulet", "langchain"] : ["langchain", "rivulet"];
    for (const lib of order) times[lib].push(await coldImport(lib));
  }
  const imp = (lib: Lib) => median(times[lib].map((t) => t[0]));
  const whole = (lib: Lib) => median(times[lib].map((t) => t[1]));
  const rivSelf = await rivuletPackedSize();
  const rivDeps = closureSize(ROOT, false);
  const lcDir = resolvePackageDir("@langchain/core", ROOT);
  expect(lcDir !== undefined, "node_modules/@langchain/core exists");
  const lc = closureSize(lcDir!, true);
  const riv = (rivSelf + rivDeps.bytes) / MB;
  const lcMb = lc.bytes / MB;
  const [ri, li] = [imp("rivulet"), imp("langchain")];
  return {
    rows: [
      {
        workload: "W7",
        label: "cold import (in a fresh process)",
        unit: "ms",
        rivulet: ri,
        langchain: li,
        note: `whole process ${fmt(whole("rivulet"))} / ${fmt(whole("langchain"))} ms; ${reps} processes each`,
      },
      {
        workload: "W7",
        label: "install size with runtime deps",
        unit: "MB",
        rivulet: riv,
        langchain: lcMb,
        note: `${rivDeps.packages} / ${lc.packages - 1} runtime dependencies`,
      },
    ],
    targets: [
      {
        workload: "W7",
        goal: "cold import ≤ 1/4 of LangChain's",
        measured: fmt(ri / li),
        pass: ri / li <= 0.25,
      },
      {
        workload: "W7",
        goal: "install size ≤ 1/10 of LangChain's",
        measured: `${fmt(riv)} / ${fmt(lcMb)} MB = ${fmt(riv / lcMb)}`,
        pass: riv / lcMb <= 0.1,
      },
    ],
  };
}
