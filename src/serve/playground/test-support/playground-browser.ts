import { mkdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { CHROMIUM_FLAGS, findChromium } from "./find-chromium.js";

// Page-side code is passed as source text: this project's TypeScript has no DOM library. Waits go
// through selectors (`page.waitForFunction` evaluates strings, which the page's CSP forbids).

/** The system Chromium, or undefined (see {@link findChromium}). */
export const chromiumPath = findChromium();
/** CI sets RIVULET_REQUIRE_BROWSER=1: there a missing browser fails instead of skipping. */
export const browserRequired =
  process.env.RIVULET_REQUIRE_BROWSER !== undefined && process.env.RIVULET_REQUIRE_BROWSER !== "";
/** Where screenshots go (git-ignored). */
export const ARTIFACTS = join(process.cwd(), "test-artifacts");
/** Generous: the machine may be loaded; every wait is on a condition, never a fixed sleep. */
export const WAIT = { timeout: 60_000 };

/** A headless Chromium with one page, and everything that went wrong on the page. */
export interface PlaygroundBrowser {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Uncaught errors, console errors and HTTP errors the page saw. */
  readonly problems: string[];
  close(): Promise<void>;
}

/** Records a page's uncaught errors, console errors and failed responses in `problems`. */
export function watchProblems(page: Page, problems: string[]): void {
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
}

/** Launches Debian's Chromium through playwright-core with a fresh profile (never a download). */
export async function launchPlaygroundBrowser(): Promise<PlaygroundBrowser> {
  if (chromiumPath === undefined) {
    throw new Error(
      "RIVULET_REQUIRE_BROWSER is set but no Chromium was found (looked for /usr/bin/chromium and `which chromium`): install Debian's chromium package.",
    );
  }
  const userDataDir = await mkdtemp(join(tmpdir(), "rivulet-playground-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: CHROMIUM_FLAGS,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  watchProblems(page, problems);
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    context,
    page,
    problems,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Opens a playground and waits until it has read its schemas and built the form. */
export async function openPlayground(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector("body[data-ready='true']", WAIT);
}

/** Waits until the element's text is `text` (whitespace-normalised, as Playwright's `:text-is`). */
export async function textIs(page: Page, id: string, text: string): Promise<void> {
  await page.waitForSelector(`#${id}:text-is(${JSON.stringify(text)})`, WAIT);
}

/** Writes `value` in the raw JSON editor, switching it on when the page shows a form. */
export async function fillRaw(page: Page, value: unknown): Promise<void> {
  if (await page.isHidden("#raw")) await page.check("#raw-toggle");
  await page.fill("#raw", JSON.stringify(value));
}

/** Records every distinct text the output element shows, from the page's own mutations. */
export async function watchOutput(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    const output = document.getElementById("output");
    const seen = [];
    window.seenOutputs = seen;
    new MutationObserver(() => {
      const text = output.textContent;
      if (seen[seen.length - 1] !== text) seen.push(text);
    }).observe(output, { characterData: true, childList: true, subtree: true });
  })()`);
}

/** The texts recorded since {@link watchOutput}, empty ones left out. */
export async function seenOutputs(page: Page): Promise<string[]> {
  const seen: unknown = JSON.parse(await page.evaluate("JSON.stringify(window.seenOutputs || [])"));
  return Array.isArray(seen) ? seen.map(String).filter((text) => text !== "") : [];
}

/** The run tree as `name:status` rows, in page order. */
export async function treeRows(page: Page): Promise<string[]> {
  const names = await page.locator("#tree details.run > summary > .run-name").allTextContents();
  const statuses = await page.locator("#tree details.run > summary > .status").allTextContents();
  return names.map((name, index) => `${name}:${statuses[index]}`);
}
