// What AsyncLocalStorage costs every promise of a process, per Node version. Once one
// `AsyncLocalStorage.run()` has happened, Node 20 and 22 keep promise hooks installed for the
// rest of the process (each new promise copies the current context), so every promise in the
// process gets slower, also the ones of code that never touches the storage. Node 24 propagates
// the context through V8's continuation data instead (AsyncContextFrame), with no hooks.
//
//   npm run build && node dist/bench/async-context-cost.js [--quick]
//
// Each measurement is a fresh process (the hooks cannot be uninstalled), alternating "no run()"
// and "after one run()", on the host node and on the pinned Node 22 and 24 of the runtimes cache
// (installed when missing). The work: an async function awaiting resolved promises and a chain
// of `.then` callbacks; the figure is ns per promise, median over the processes.

import { AsyncLocalStorage } from "node:async_hooks";
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { fmt, median } from "./harness.js";
import { nodeBinary, nodeMajor } from "./node-runtime.js";

const PROMISES = 400_000;

async function awaitLoop(count: number): Promise<number> {
  let sum = 0;
  for (let i = 0; i < count; i += 1) sum += await Promise.resolve(i);
  return sum;
}

function thenChain(count: number): Promise<number> {
  let p = Promise.resolve(0);
  for (let i = 0; i < count; i += 1) p = p.then((x) => x + 1);
  return p;
}

/** In a child: ns per promise, median of 7 rounds after 2 warm-up rounds. */
async function measureHere(afterRun: boolean): Promise<number> {
  if (afterRun) new AsyncLocalStorage<number>().run(1, () => undefined);
  const times: number[] = [];
  for (let round = 0; round < 9; round += 1) {
    const start = performance.now();
    await awaitLoop(PROMISES / 2);
    await thenChain(PROMISES / 2);
    if (round >= 2) times.push(((performance.now() - start) * 1e6) / PROMISES);
  }
  return median(times);
}

const run = promisify(execFile);
const SELF = fileURLToPath(import.meta.url);

async function child(binary: string, afterRun: boolean): Promise<number> {
  const { stdout } = await run(binary, [SELF, "--child", afterRun ? "after-run" : "none"]);
  return Number(stdout.trim());
}

/** One Node version: alternating fresh processes with and without a prior run(). */
async function measureVersion(binary: string, processes: number) {
  const none: number[] = [];
  const after: number[] = [];
  for (let i = 0; i < processes; i += 1) {
    for (const afterRun of i % 2 === 0 ? [false, true] : [true, false]) {
      (afterRun ? after : none).push(await child(binary, afterRun));
    }
  }
  const { stdout } = await run(binary, ["--version"]);
  return { version: stdout.trim(), none: median(none), after: median(after) };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === "--child") {
    console.log(await measureHere(args[1] === "after-run"));
    return;
  }
  const processes = args.includes("--quick") ? 3 : 7;
  const majors = [...new Set([nodeMajor(), 20, 22, 24])].filter((m) => m === nodeMajor() || m !== 20);
  console.log(`ns per promise, median of ${processes} fresh processes each (${PROMISES} promises a round)\n`);
  console.log("| node | no run() | after one run() | slower by |");
  console.log("|---|---|---|---|");
  for (const major of majors.sort((a, b) => a - b)) {
    const r = await measureVersion(await nodeBinary(major), processes);
    console.log(`| ${r.version} | ${fmt(r.none)} | ${fmt(r.after)} | ${fmt(r.after / r.none)}x |`);
  }
}

await main();
