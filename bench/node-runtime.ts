// `npm run bench -- --node 24`: the bench re-runs itself on another Node version, taken from the
// pinned runtimes cache the conformance suite uses (test/runtimes/runtimes.json, installed by
// scripts/install-runtimes.mjs into RIVULET_RUNTIMES_DIR or ~/.cache/rivulet-runtimes).

import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The part of test/runtimes/runtime-pins.mjs this file uses. */
interface RuntimePins {
  pins: Record<string, { version: string } | undefined>;
  binaryPath(name: string): string;
}

// From dist/bench/ (where this runs) and from bench/ alike, the repository root is found by
// walking up to the folder that holds scripts/install-runtimes.mjs.
function repoRoot(): URL {
  for (const up of ["../../", "../"]) {
    const root = new URL(up, import.meta.url);
    if (existsSync(new URL("scripts/install-runtimes.mjs", root))) return root;
  }
  throw new Error("bench: cannot find the repository root (scripts/install-runtimes.mjs)");
}

/** The major version of a `process.version`-style string ("v20.20.2" gives 20). */
export function nodeMajor(version: string = process.version): number {
  return Number(/^v?(\d+)/.exec(version)?.[1] ?? "0");
}

/**
 * The binary of pinned Node `major` (installing the pinned runtimes when it is missing), or
 * this process's own binary when it already is that major version.
 */
export async function nodeBinary(major: number): Promise<string> {
  if (major === nodeMajor()) return process.execPath;
  const root = repoRoot();
  const pinsUrl = new URL("test/runtimes/runtime-pins.mjs", root).href;
  const runtimes = (await import(pinsUrl)) as RuntimePins;
  const name = `node${major}`;
  if (runtimes.pins[name] === undefined) {
    const pinned = Object.keys(runtimes.pins).filter((n) => n.startsWith("node"));
    throw new Error(`bench: no pinned Node ${major}; pinned: ${pinned.join(", ")} (and the host's own node)`);
  }
  const binary = runtimes.binaryPath(name);
  if (!existsSync(binary)) {
    process.stderr.write(
      `bench: Node ${major} is not in the runtimes cache; installing the pinned runtimes\n`,
    );
    execFileSync(process.execPath, [fileURLToPath(new URL("scripts/install-runtimes.mjs", root))], {
      stdio: ["ignore", "inherit", "inherit"],
    });
  }
  if (!existsSync(binary)) throw new Error(`bench: Node ${major} was not installed at ${binary}`);
  return binary;
}

/**
 * Runs this script again on `binary` with the same arguments minus `--node N` (and with
 * `--expose-gc`), passing its output through; returns its exit code.
 */
export function rerunOn(binary: string, args: readonly string[]): number {
  const script = process.argv[1] ?? "";
  const result = spawnSync(binary, ["--expose-gc", script, ...args], { stdio: "inherit" });
  if (result.error !== undefined) throw result.error;
  return result.status ?? 1;
}

/** Splits `--node N` (or `--node=N`) off the arguments: the major version asked for, if any. */
export function takeNodeOption(args: readonly string[]): { major: number | undefined; rest: string[] } {
  const rest: string[] = [];
  let major: number | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === "--node" || arg.startsWith("--node=")) {
      let value = arg.slice("--node=".length);
      if (arg === "--node") {
        i += 1;
        value = args[i] ?? "";
      }
      major = nodeMajor(value);
      if (!(major > 0)) throw new Error(`bench: --node needs a major version such as 24, got ${value}`);
      continue;
    }
    rest.push(arg);
  }
  return { major, rest };
}
