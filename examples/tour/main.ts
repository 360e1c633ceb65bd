// The streaming tour: every section of LangChain's "How to stream" guide, run on Rivulet.
// `npm start` runs it on the offline model; `--fast` drops the delay between tokens;
// `--section <id>` runs one section (`--list` shows them).
import { chooseModel } from "./choose-real-model.js";
import { SECTIONS } from "./sections/index.js";
import { Printer, type TourContext } from "./tour-context.js";

interface TourArgs {
  fast: boolean;
  section: string | undefined;
  list: boolean;
  offline: boolean;
}

function parseArgs(argv: readonly string[]): TourArgs {
  const args: TourArgs = { fast: false, section: undefined, list: false, offline: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--fast") args.fast = true;
    else if (a === "--list") args.list = true;
    else if (a === "--offline") args.offline = true;
    else if (a === "--section") args.section = argv[++i];
    else if (a?.startsWith("--section=")) args.section = a.slice("--section=".length);
    else throw new Error(`Unknown option ${a}. Options: --fast, --offline, --list, --section <id>`);
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const out = new Printer();
  if (args.list) {
    for (const s of SECTIONS) out.line(`${s.id.padEnd(22)} ${s.title}`);
    return;
  }
  const sections = args.section === undefined ? SECTIONS : SECTIONS.filter((s) => s.id === args.section);
  if (sections.length === 0) {
    throw new Error(`No section "${args.section}". Sections: ${SECTIONS.map((s) => s.id).join(", ")}`);
  }
  const { model, label } = await chooseModel(args.fast, args.offline);
  out.line(`Rivulet streaming tour. Model: ${label}`);
  const ctx: TourContext = { model, modelLabel: label, fast: args.fast, out };
  for (const section of sections) {
    out.heading(section.title);
    await section.run(ctx);
  }
  out.line(
    "\nThat's the tour. Run one section with `npm start -- --section <id>` (ids: `npm start -- --list`).",
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
