// Where the pinned runtimes live, shared by the installer (scripts/install-runtimes.mjs) and the
// runner (test/runtimes/run-runtimes.mjs). The pins are in runtimes.json beside this file: one
// npm package and version per runtime, and the path of the binary that package ships (the
// platform package's own file, so no install script has to run or download anything).
import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

/** The pinned runtimes: name to { package, version, binary, reports }. */
export const pins = JSON.parse(readFileSync(new URL("./runtimes.json", import.meta.url), "utf8"));

/** The cache folder, outside the repository: RIVULET_RUNTIMES_DIR, else ~/.cache/rivulet-runtimes. */
export function runtimesDir() {
  return process.env.RIVULET_RUNTIMES_DIR || join(homedir(), ".cache", "rivulet-runtimes");
}

/** The folder one pinned runtime is installed in (the version is in the name, so a new pin reinstalls). */
export function installDir(name) {
  return join(runtimesDir(), `${name}-${pins[name].version}`);
}

/** The binary of one pinned runtime (it may not exist yet). */
export function binaryPath(name) {
  return join(installDir(name), pins[name].binary);
}

/** Debian's Chromium, or RIVULET_CHROMIUM. */
export function chromiumPath() {
  return process.env.RIVULET_CHROMIUM || "/usr/bin/chromium";
}

/** Whether this is CI, where a runtime that cannot be installed or run is a failure, never a skip. */
export function isCi() {
  const value = process.env.CI;
  return value !== undefined && value !== "" && value !== "false" && value !== "0";
}

/** Whether the pinned packages fit this machine (they are the linux-x64 builds). */
export function platformSupported() {
  return process.platform === "linux" && process.arch === "x64";
}
