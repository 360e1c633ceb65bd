// Runs `npm run build` unless dist/ is already newer than everything it is built from, so
// `npm start`, `npm test` and the `prepare` script (which npm runs on `npm install`, `npm ci`,
// `npm pack` and git installs) build at most once after a change. A build is fresh when every
// output below exists and the oldest of them is newer than every input: the files and folders
// under src/, examples/ and bench/ (tests and test-support left out: the build excludes them; a
// folder's time changes when a file in it is added, removed or renamed) and the build's
// configuration. `--force` builds anyway; `--check` only says whether a build is needed (exit 1 when stale).
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

const INPUT_FOLDERS = ["src", "examples", "bench"];
const INPUT_FILES = [
  "package.json",
  "package-lock.json",
  "tsconfig.json",
  "tsconfig.build.json",
  "rolldown.config.mjs",
  "scripts/bundle.mjs",
];
/** One output per build step and entry point: tsc's declarations and examples, each bundle. */
const OUTPUTS = [
  "dist/src/index.d.ts",
  "dist/examples/tour/main.js",
  "dist/bench/run.js",
  "dist/bundle/index.js",
  "dist/bundle/testing.js",
  "dist/bundle/providers.js",
  "dist/bundle/providers-openai.js",
  "dist/bundle/providers-anthropic.js",
  "dist/bundle/providers-ollama.js",
  "dist/bundle/serve.js",
  "dist/bundle/remote.js",
];

/** Files the build does not read (tsconfig.build.json excludes them). */
function isExcluded(name) {
  return name.endsWith(".test.ts") || name.endsWith(".test-d.ts") || name === "test-support";
}

/** The newest modification time under `path` (the folder itself included), in ms; 0 if absent. */
function newestUnder(path) {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return 0;
  }
  let newest = stats.mtimeMs;
  if (!stats.isDirectory()) return newest;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (isExcluded(entry.name)) continue;
    newest = Math.max(newest, newestUnder(join(path, entry.name)));
  }
  return newest;
}

/** The oldest output's modification time in ms, or `undefined` when an output is missing. */
function oldestOutput() {
  let oldest = Number.POSITIVE_INFINITY;
  for (const output of OUTPUTS) {
    try {
      oldest = Math.min(oldest, statSync(join(root, output)).mtimeMs);
    } catch {
      return undefined;
    }
  }
  return oldest;
}

/**
 * Why a build is needed, or `undefined` when dist/ is fresh. The oldest output was written while
 * the build ran, so a file saved during a build may go unnoticed until its next change.
 */
function staleReason() {
  const oldest = oldestOutput();
  if (oldest === undefined) return "dist/ is missing or incomplete";
  for (const input of [...INPUT_FOLDERS, ...INPUT_FILES]) {
    if (newestUnder(join(root, input)) > oldest) return `${input} changed since the last build`;
  }
  return undefined;
}

const force = process.argv.includes("--force");
const checkOnly = process.argv.includes("--check");
const reason = force ? "--force" : staleReason();
if (checkOnly) {
  console.log(reason === undefined ? "build: fresh" : `build: stale (${reason})`);
  process.exitCode = reason === undefined ? 0 : 1;
} else if (reason !== undefined) {
  console.error(`build-if-stale: building (${reason})`);
  const npm = process.env.npm_execpath;
  // Inside an npm script npm_execpath is npm's own CLI (run it with this node); outside, `npm`.
  const [command, args] =
    npm === undefined
      ? ["npm", ["run", "--silent", "build"]]
      : [process.execPath, [npm, "run", "--silent", "build"]];
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit" });
  if (result.error !== undefined) throw result.error;
  process.exitCode = result.status ?? 1;
}
