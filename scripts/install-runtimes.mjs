// Installs the runtimes the conformance suite runs on (test/runtimes/runtimes.json) into a cache
// folder outside the repository, from the npm registry, at pinned versions. Idempotent: a runtime
// whose binary is there and reports its pinned version is left alone, so a second run costs a few
// process starts. Not dependencies of the package: users never install them.
//
// Install scripts never run (--ignore-scripts): bun, deno and workerd pull their platform package
// (@oven/bun-linux-x64, @deno/linux-x64-glibc, @cloudflare/workerd-linux-64) as an optional
// dependency, and that package ships the binary; their postinstall only moves or links it, and
// falls back to a download where the platform package is missing. We use the platform package's
// file directly, so the binary is always the one the registry served.
//
// In CI (CI set) any runtime that cannot be installed fails this script; elsewhere it warns and
// the runner skips that runtime with a message. Chromium comes from Debian (.ci/run installs it).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import {
  binaryPath,
  chromiumPath,
  installDir,
  isCi,
  pins,
  platformSupported,
  runtimesDir,
} from "../test/runtimes/runtime-pins.mjs";

/** What the binary says its version is, or undefined when it does not run. */
function reportedVersion(binary) {
  if (!existsSync(binary)) return undefined;
  try {
    return execFileSync(binary, ["--version"], { encoding: "utf8", timeout: 60_000 }).trim();
  } catch {
    return undefined;
  }
}

/** Installs one runtime unless it is already there; returns what happened, or throws. */
function installOne(name) {
  const pin = pins[name];
  const binary = binaryPath(name);
  if (reportedVersion(binary)?.includes(pin.reports)) return "cached";
  const folder = installDir(name);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const spec = `${pin.package}@${pin.version}`;
  execFileSync(
    "npm",
    ["install", "--prefix", folder, "--ignore-scripts", "--no-save", "--no-audit", "--no-fund", spec],
    { stdio: ["ignore", "ignore", "inherit"], timeout: 300_000 },
  );
  const reported = reportedVersion(binary);
  if (!reported?.includes(pin.reports)) {
    throw new Error(`${spec}: ${binary} reports ${JSON.stringify(reported)}, expected "${pin.reports}"`);
  }
  return "installed";
}

const started = performance.now();
const failures = [];
if (!platformSupported()) {
  failures.push(`the pinned runtimes are linux-x64 builds; this is ${process.platform}-${process.arch}`);
} else {
  for (const name of Object.keys(pins)) {
    try {
      const outcome = installOne(name);
      console.log(`runtimes: ${name} ${pins[name].package}@${pins[name].version} ${outcome}`);
    } catch (error) {
      failures.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
if (!existsSync(chromiumPath())) {
  failures.push(`no Chromium at ${chromiumPath()}: apt-get install -y chromium (or set RIVULET_CHROMIUM)`);
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`runtimes: cache ${runtimesDir()}, ${seconds}s`);
for (const failure of failures) console.error(`runtimes: cannot install ${failure}`);
if (failures.length > 0 && isCi()) {
  console.error("runtimes: CI is set, so a missing runtime is a failure, not a skip");
  process.exit(1);
}
