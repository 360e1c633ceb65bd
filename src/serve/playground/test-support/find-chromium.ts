import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

/**
 * The system Chromium to drive with playwright-core (Debian's `/usr/bin/chromium`, else whatever
 * `which chromium` finds), or undefined when there is none. Playwright's own browser download is
 * never used.
 */
export function findChromium(): string | undefined {
  if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  try {
    const found = execFileSync("which", ["chromium"], { encoding: "utf8" }).trim();
    return found === "" ? undefined : found;
  } catch {
    return undefined;
  }
}

/** Flags for a quiet, sandbox-free headless run that fetches nothing on its own. */
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];
