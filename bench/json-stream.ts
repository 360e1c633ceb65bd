// Benchmark of the incremental JSON parser: total time to stream a document in small chunks,
// per mode, and the fitted growth exponent (slope of log(time) over log(size)). Linear work
// gives an exponent near 1; re-parsing the accumulated text on every chunk, as LangChain does,
// gives 2. Besides the countries document (one growing array of small objects), it measures
// the shapes where snapshots cost most: one wide open object, one wide top-level array, and a
// deep document (see "Snapshots of wide and deep documents" in README.md for what to expect).
//
// Run: npx tsc -p tsconfig.build.json && node dist/bench/json-stream.js [--max-seconds=N]
// (a size whose single run the fit predicts above N seconds, default 20, is extrapolated).

import { JsonStreamParser, type JsonStreamParserOptions } from "../src/json-stream/index.js";
import { fitPower } from "./harness.js";

interface Mode {
  name: string;
  options: JsonStreamParserOptions;
  /** What a consumer does after each push (`changed`: what the push returned). */
  consume: (parser: JsonStreamParser, changed: boolean) => void;
}

// Results are folded into `sink` so the engine cannot skip the work as unused.
let sink = 0;

/** Reads the value after each change, as `JsonOutputParser` does to stream it. */
function readValue(parser: JsonStreamParser, changed: boolean): void {
  if (changed && parser.value !== undefined) sink += 1;
}

const MODES: Mode[] = [
  { name: "snapshot, read each change", options: {}, consume: readValue },
  { name: "snapshot, never read", options: {}, consume: () => {} },
  { name: "in-place", options: { mode: "in-place" }, consume: readValue },
  { name: "completeValues snapshot", options: { completeValues: true }, consume: readValue },
  {
    name: "pathEvents (in-place)",
    options: { pathEvents: true, mode: "in-place" },
    // Drained after every push, as the stream does: a push that closes values changes nothing visible.
    consume: (p) => {
      sink += p.drainPathEvents().length;
    },
  },
  {
    name: "diff (in-place)",
    options: { diff: true, mode: "in-place" },
    consume: (p) => {
      sink += p.drainPatch().length;
    },
  },
];

/** A document family: `build(size)` is its text at one size, cut in `chunkSize`-character chunks. */
interface Shape {
  title: string;
  /** Prefix of the size column headers ("K=", "depth="). */
  label: string;
  sizes: number[];
  chunkSize: number;
  build: (size: number) => string;
}

/** `{ "countries": [ {name, population} x count ] }`, pretty-printed like a model writes it. */
function countries(count: number): string {
  const items = Array.from({ length: count }, (_, i) => ({
    name: `Country ${i} with a name`,
    population: 1_000_000 + ((i * 7_919) % 90_000_000),
  }));
  return JSON.stringify({ countries: items }, null, 2);
}

/** A countries document of about `bytes` characters. */
function countriesOfSize(bytes: number): string {
  const perItem = countries(2).length - countries(1).length;
  return countries(Math.max(1, Math.round(bytes / perItem)));
}

/** One flat object of `keys` members, `{"k0":0,"k1":7,...}` (5,000 keys: about 55 KB). */
function wideObject(keys: number): string {
  return JSON.stringify(
    Object.fromEntries(Array.from({ length: keys }, (_, i) => [`k${i}`, (i * 7) % 1000])),
  );
}

/** A top-level array of `items` small objects, `[{"id":0},{"id":1},...]`. */
function wideArray(items: number): string {
  return JSON.stringify(Array.from({ length: items }, (_, id) => ({ id })));
}

/** `depth` nested objects, each with a closed member and its open child: `{"level":0,"child":{"level":1,...}}`. */
function deepObject(depth: number): string {
  let text = "";
  for (let level = 0; level < depth; level += 1) text += `{"level":${level},"child":`;
  return `${text}"leaf"${"}".repeat(depth)}`;
}

const bytes = [10_000, 100_000, 1_000_000];
const SHAPES: Shape[] = [
  {
    title: "countries document, K elements, 4-character chunks",
    label: "K=",
    sizes: [100, 200, 500, 1000, 2000, 5000],
    chunkSize: 4,
    build: countries,
  },
  {
    title: "countries document of 10 KB / 100 KB / 1 MB, 4-character chunks",
    label: "B=",
    sizes: bytes,
    chunkSize: 4,
    build: countriesOfSize,
  },
  {
    title: "wide object: one object of K members (5,000: about 55 KB), 8-character chunks",
    label: "K=",
    sizes: [1000, 2000, 5000, 10000],
    chunkSize: 8,
    build: wideObject,
  },
  {
    title: "wide array: a top-level array of K small objects, 4-character chunks",
    label: "K=",
    sizes: [5000, 10000, 20000, 30000],
    chunkSize: 4,
    build: wideArray,
  },
  {
    title: "deep object: D nested objects, each with a closed member, 4-character chunks",
    label: "D=",
    sizes: [500, 1000, 2000, 4000],
    chunkSize: 4,
    build: deepObject,
  },
];

function chunk(text: string, size: number): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
  return chunks;
}

/** One parse of the whole stream, in milliseconds. */
function runOnce(chunks: readonly string[], mode: Mode): number {
  const start = performance.now();
  const parser = new JsonStreamParser(mode.options);
  for (const piece of chunks) mode.consume(parser, parser.push(piece));
  parser.finish();
  return performance.now() - start;
}

/** Best of as many runs as fit in about half a second (at least one, at most 9), in milliseconds. */
function time(chunks: readonly string[], mode: Mode): number {
  let best = runOnce(chunks, mode);
  let spent = best;
  for (let r = 1; r < 9 && spent < 500; r += 1) {
    const ms = runOnce(chunks, mode);
    spent += ms;
    best = Math.min(best, ms);
  }
  return best;
}

const maxSecondsArg = process.argv.find((arg) => arg.startsWith("--max-seconds="));
const maxMs = 1000 * (maxSecondsArg === undefined ? 20 : Number(maxSecondsArg.split("=")[1]));

/** Times one mode over the shape's sizes; a size predicted above the budget is extrapolated (undefined). */
function measureMode(shape: Shape, docs: readonly string[][], mode: Mode): (number | undefined)[] {
  runOnce(chunk(shape.build(shape.sizes[0]!), shape.chunkSize), mode); // warm the JIT up
  const times: (number | undefined)[] = [];
  const measured: { sizes: number[]; times: number[] } = { sizes: [], times: [] };
  shape.sizes.forEach((size, i) => {
    if (measured.sizes.length >= 2) {
      const fit = fitPower(measured.sizes, measured.times);
      if (fit.c * size ** fit.a > maxMs) {
        times.push(undefined);
        return;
      }
    }
    const ms = time(docs[i]!, mode);
    measured.sizes.push(size);
    measured.times.push(ms);
    times.push(ms);
  });
  return times;
}

function cell(ms: number | undefined, extrapolated: number): string {
  const text = ms === undefined ? `~${(extrapolated / 1000).toFixed(0)} s*` : `${ms.toFixed(1)} ms`;
  return text.padStart(12);
}

function table(shape: Shape): void {
  const docs = shape.sizes.map((size) => chunk(shape.build(size), shape.chunkSize));
  const lengths = shape.sizes.map((size) => shape.build(size).length);
  console.log(`\n${shape.title} (${lengths.join(" / ")} chars)`);
  const header = shape.sizes.map((s) => `${shape.label}${s}`.padStart(12)).join("");
  console.log(`${"mode".padEnd(28)}${header}   exponent (last step)  last / in-place`);
  const rows = MODES.map((mode) => ({ mode, times: measureMode(shape, docs, mode) }));
  const inPlace = rows.find((row) => row.mode.name === "in-place")!;
  for (const { mode, times } of rows) {
    const sizes = shape.sizes.filter((_, i) => times[i] !== undefined);
    const known = times.filter((t): t is number => t !== undefined);
    const fit = fitPower(sizes, known);
    const last = fitPower(sizes.slice(-2), known.slice(-2)).a;
    const cells = times.map((t, i) => cell(t, fit.c * shape.sizes[i]! ** fit.a)).join("");
    const lastIndex = sizes.length - 1;
    const baseline = inPlace.times[shape.sizes.indexOf(sizes[lastIndex]!)]!;
    const ratio = known[lastIndex]! / baseline;
    console.log(
      `${mode.name.padEnd(28)}${cells}   ${fit.a.toFixed(2).padStart(8)} (${last.toFixed(2)})  ${ratio.toFixed(1).padStart(10)}x`,
    );
  }
}

for (const shape of SHAPES) table(shape);
console.log(`\n* extrapolated from the fit: one run was predicted above ${maxMs / 1000} s (--max-seconds).`);
if (sink === -1) console.log(sink);
