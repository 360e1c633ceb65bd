// Benchmark of the incremental JSON parser: total time to stream a document in 4-character
// chunks, per mode, and the fitted growth exponent (slope of log(time) over log(size)).
// Linear work gives an exponent near 1; re-parsing the accumulated text on every chunk, as
// LangChain does, gives 2.
//
// Run: npx tsc -p tsconfig.build.json && node dist/bench/json-stream.js

import { JsonStreamParser, type JsonStreamParserOptions } from "../src/json-stream/index.js";
import { fitPower } from "./harness.js";

interface Mode {
  name: string;
  options: JsonStreamParserOptions;
  /** What a consumer does after a push that returned true. */
  consume: (parser: JsonStreamParser) => void;
}

// Results are folded into `sink` so the engine cannot skip the work as unused.
let sink = 0;

function readValue(parser: JsonStreamParser): void {
  if (parser.value !== undefined) sink += 1;
}

const MODES: Mode[] = [
  {
    name: "snapshot, read each change",
    options: {},
    consume: readValue,
  },
  { name: "snapshot, never read", options: {}, consume: () => {} },
  {
    name: "in-place",
    options: { mode: "in-place" },
    consume: readValue,
  },
  {
    name: "completeValues snapshot",
    options: { completeValues: true },
    consume: readValue,
  },
  {
    name: "pathEvents (in-place)",
    options: { pathEvents: true, mode: "in-place" },
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

function chunk(text: string, size: number): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
  return chunks;
}

/** Best of `repeats` runs, in milliseconds. */
function time(chunks: string[], mode: Mode, repeats: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < repeats; r += 1) {
    const start = performance.now();
    const parser = new JsonStreamParser(mode.options);
    for (const piece of chunks) if (parser.push(piece)) mode.consume(parser);
    parser.finish();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

function table(title: string, label: string, sizes: number[], docs: string[]): void {
  console.log(`\n${title}`);
  const header = sizes.map((s) => `${label}${s}`.padStart(12)).join("");
  console.log(`${"mode".padEnd(28)}${header}   exponent  (last step)`);
  for (const mode of MODES) {
    // Warm the JIT up on a mid-sized document, so the smallest sizes do not measure compilation.
    const warm = chunk(countries(1000), 4);
    time(warm, mode, 5);
    const times = docs.map((doc) =>
      time(chunk(doc, 4), mode, Math.max(3, Math.ceil(2_000_000 / doc.length))),
    );
    const cells = times.map((t) => `${t.toFixed(2)} ms`.padStart(12)).join("");
    const last = fitPower(sizes.slice(-2), times.slice(-2)).a;
    console.log(
      `${mode.name.padEnd(28)}${cells}   ${fitPower(sizes, times).a.toFixed(2)}      (${last.toFixed(2)})`,
    );
  }
}

const counts = [100, 200, 500, 1000, 2000, 5000];
table("countries document, K elements, 4-character chunks", "K=", counts, counts.map(countries));

const bytes = [10_000, 100_000, 1_000_000];
const docs = bytes.map(countriesOfSize);
table(
  `10 KB / 100 KB / 1 MB documents (${docs.map((d) => d.length).join(" / ")} chars), 4-character chunks`,
  "B=",
  bytes,
  docs,
);
if (sink === -1) console.log(sink);
