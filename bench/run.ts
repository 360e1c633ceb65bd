// Rivulet vs @langchain/core, side by side in one run: every workload interleaves the two
// libraries' repetitions, warms up, takes medians and checks its output; this file runs the
// workloads and prints the table of medians and ratios, then each target with PASS/MISS.
//
// Run: npm run bench [-- --quick] [-- --only W4,W5] [-- --markdown] [-- --node 24]

import { readFileSync } from "node:fs";
import { cpus } from "node:os";
import { fmt, type Row, settingsFor, type Target, type WorkloadResult } from "./harness.js";
import { nodeBinary, nodeMajor, rerunOn, takeNodeOption } from "./node-runtime.js";
import { runStreaming } from "./workloads/w0-w3-stream.js";
import { runJson } from "./workloads/w4-json.js";
import { runLambda } from "./workloads/w5-lambda.js";
import { runConcurrent } from "./workloads/w6-concurrent.js";
import { runColdStart } from "./workloads/w7-cold-start.js";
import { runNested } from "./workloads/w8-nested.js";

// LangSmith tracing would make LangChain send runs over the network: keep it off.
for (const key of [
  "LANGCHAIN_TRACING_V2",
  "LANGSMITH_TRACING",
  "LANGCHAIN_TRACING",
  "LANGSMITH_TRACING_V2",
]) {
  delete process.env[key];
}

const { major: nodeAsked, rest: args } = takeNodeOption(process.argv.slice(2));
if (nodeAsked !== undefined && nodeAsked !== nodeMajor()) {
  process.exit(rerunOn(await nodeBinary(nodeAsked), args));
}
const quick = args.includes("--quick");
const markdown = args.includes("--markdown");
const onlyArg = args.find((a) => a.startsWith("--only"));
const only =
  onlyArg === undefined ? undefined : (onlyArg.split("=")[1] ?? args[args.indexOf(onlyArg) + 1] ?? "");
const selected = (ids: string[]) =>
  only === undefined || ids.some((id) => only.toUpperCase().split(",").includes(id));

const groups: { ids: string[]; run: typeof runStreaming }[] = [
  { ids: ["W0", "W1", "W2", "W3"], run: runStreaming },
  { ids: ["W4"], run: runJson },
  { ids: ["W5"], run: runLambda },
  { ids: ["W6"], run: runConcurrent },
  { ids: ["W7"], run: runColdStart },
  { ids: ["W8"], run: runNested },
];

function versionOf(pkg: string): string {
  const url = import.meta.resolve(`${pkg}/package.json`);
  return (JSON.parse(readFileSync(new URL(url), "utf8")) as { version: string }).version;
}

function header(): string[] {
  const cpu = cpus()[0]?.model ?? "unknown cpu";
  return [
    `node: ${process.version} (V8 ${process.versions.v8}), ${process.execPath}`,
    `date: ${new Date().toISOString().slice(0, 10)}${quick ? " (quick mode)" : ""}`,
    `machine: ${cpus().length} cores (${cpu}), ${process.platform}-${process.arch}`,
    `versions: rivulet ${versionOf("rivulet")}, @langchain/core ${versionOf("@langchain/core")}`,
  ];
}

function rowCells(row: Row): string[] {
  const div = (a: number | undefined, b: number | undefined) =>
    a === undefined || b === undefined || row.noRatio ? undefined : a / b;
  const x = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? "—" : `${fmt(v)}x`);
  return [
    row.workload,
    row.label,
    row.unit,
    fmt(row.rivulet),
    fmt(row.langchain),
    x(div(row.rivulet, row.langchain)),
    x(div(row.langchain, row.rivulet)),
    row.floor === undefined ? "—" : fmt(row.floor),
    x(div(row.rivulet, row.floor)),
    x(div(row.langchain, row.langchainFloor ?? row.floor)),
    row.note ?? "",
  ];
}

const COLUMNS = [
  "W",
  "case",
  "unit",
  "Rivulet",
  "LangChain",
  "Riv/LC",
  "LC/Riv",
  "floor",
  "Riv/floor",
  "LC/floor",
  "notes (Rivulet / LangChain)",
];

function printTable(rows: string[][]): void {
  if (markdown) {
    console.log(`| ${COLUMNS.join(" | ")} |`);
    console.log(`|${COLUMNS.map(() => "---").join("|")}|`);
    for (const r of rows) console.log(`| ${r.join(" | ")} |`);
    return;
  }
  const widths = COLUMNS.map((c, i) => Math.max(c.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < 3 || i === cells.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)));
  console.log(line(COLUMNS).join("  "));
  for (const r of rows) console.log(line(r).join("  ").trimEnd());
}

function printTargets(targets: Target[]): void {
  console.log(markdown ? "\n| W | target | measured | result |\n|---|---|---|---|" : "\ntargets");
  for (const t of targets) {
    const verdict = t.pass ? "PASS" : "MISS";
    if (markdown) console.log(`| ${t.workload} | ${t.goal} | ${t.measured} | ${verdict} |`);
    else console.log(`  ${verdict}  ${t.workload}  ${t.goal}: ${t.measured}`);
  }
  const missed = targets.filter((t) => !t.pass).length;
  console.log(`\n${targets.length - missed} of ${targets.length} targets pass, ${missed} missed.`);
}

async function main(): Promise<void> {
  const settings = settingsFor(quick);
  const lines = header();
  for (const l of lines) console.log(markdown ? `- ${l}` : l);
  const all: WorkloadResult = { rows: [], targets: [] };
  const started = performance.now();
  for (const group of groups) {
    if (!selected(group.ids)) continue;
    const t0 = performance.now();
    process.stderr.write(`running ${group.ids.join(", ")}...`);
    const result = await group.run(settings);
    process.stderr.write(` ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
    all.rows.push(...result.rows);
    all.targets.push(...result.targets);
  }
  console.log(
    `\nmedians of ${settings.reps.reps} interleaved repetitions after ${settings.reps.warmup} warm-up`,
  );
  console.log("(Riv/LC < 1 and LC/Riv > 1: Rivulet is faster or smaller)\n");
  printTable(all.rows.map(rowCells));
  printTargets(all.targets);
  console.log(`\ntotal bench time ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

await main();
