import { mkdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { ChatPromptTemplate, StringOutputParser } from "rivulet";
import { type ListeningServer, listen, serve } from "rivulet/serve";
import { FakeListChatModel, RunRecorder } from "rivulet/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM_FLAGS, findChromium } from "./test-support/find-chromium.js";
import { GatedDelay } from "./test-support/gated-delay.js";

// The playground driven in Debian's headless Chromium: the page as a person uses it, against a
// real loopback server. CI sets RIVULET_REQUIRE_BROWSER=1, so a missing browser fails there.
const executablePath = findChromium();
const required =
  process.env.RIVULET_REQUIRE_BROWSER !== undefined && process.env.RIVULET_REQUIRE_BROWSER !== "";
const ARTIFACTS = join(process.cwd(), "test-artifacts");
const STORY = "Rivers carry light down to the sea";
const WAIT = { timeout: 60_000 };

/** Polls a server-side condition (the browser's effects arrive over the network) until it holds. */
async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + WAIT.timeout;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The prompt's variables as the input schema, so the page builds a form field per variable. */
const STORY_INPUT_SCHEMA = {
  title: "storyInput",
  type: "object",
  properties: { topic: { type: "string", title: "Topic" } },
  required: ["topic"],
};

function storyChain(gate: GatedDelay) {
  const model = new FakeListChatModel({ responses: [STORY], chunking: "word", sleep: 1, delay: gate.delay });
  const chain = ChatPromptTemplate.fromTemplate("tell me about {topic}")
    .pipe(model)
    .pipe(new StringOutputParser())
    .withConfig({ runName: "story" });
  // The route serves a Runnable's own `inputSchema`; a sequence does not derive one from its
  // prompt yet, so the test gives the one it would have.
  Object.defineProperty(chain, "inputSchema", { value: STORY_INPUT_SCHEMA, configurable: true });
  return chain;
}

/** Writes `value` in the raw JSON editor, switching it on when the page shows a form. */
async function fillRaw(page: Page, value: unknown): Promise<void> {
  if (await page.isHidden("#raw")) await page.check("#raw-toggle");
  await page.fill("#raw", JSON.stringify(value));
}

// Page-side code is passed as source text: this project's TypeScript has no DOM library.

/** Records every distinct text the output element shows, from the page's own mutations. */
async function watchOutput(page: Page): Promise<void> {
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

async function seenOutputs(page: Page): Promise<string[]> {
  const seen: unknown = JSON.parse(await page.evaluate("JSON.stringify(window.seenOutputs || [])"));
  return Array.isArray(seen) ? seen.map(String) : [];
}

/** Waits until the element's text is `text` (whitespace-normalised, as Playwright's `:text-is`). */
async function textIs(page: Page, id: string, text: string): Promise<void> {
  await page.waitForSelector(`#${id}:text-is(${JSON.stringify(text)})`, WAIT);
}

/** The run tree as `name:status` rows, in page order. */
async function treeRows(page: Page): Promise<string[]> {
  const names = await page.locator("#tree details.run > summary > .run-name").allTextContents();
  const statuses = await page.locator("#tree details.run > summary > .status").allTextContents();
  return names.map((name, index) => `${name}:${statuses[index]}`);
}

async function openPlayground(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector("body[data-ready='true']", WAIT);
}

describe.skipIf(executablePath === undefined && !required)("playground in headless Chromium", () => {
  const storyGate = new GatedDelay();
  const slowGate = new GatedDelay();
  const recorder = new RunRecorder();
  const problems: string[] = [];
  let server: ListeningServer;
  let context: BrowserContext;
  let page: Page;
  let userDataDir: string;

  beforeAll(async () => {
    if (executablePath === undefined) {
      throw new Error(
        "RIVULET_REQUIRE_BROWSER is set but no Chromium was found (looked for /usr/bin/chromium and `which chromium`): install Debian's chromium package.",
      );
    }
    const slow = new FakeListChatModel({
      responses: ["first then nothing"],
      chunking: "word",
      sleep: 1,
      delay: slowGate.delay,
    });
    const app = serve(
      { "/story": storyChain(storyGate), "/slow": slow },
      { perRequestConfig: (config) => ({ ...config, callbacks: [recorder] }) },
    );
    server = await listen(app, { port: 0, host: "127.0.0.1" });
    userDataDir = await mkdtemp(join(tmpdir(), "rivulet-playground-"));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      args: CHROMIUM_FLAGS,
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("response", (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console error: ${message.text()}`);
    });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (userDataDir !== undefined) await rm(userDataDir, { recursive: true, force: true });
  });

  it("fills the form, runs, streams the text over several paints and shows the run tree", async () => {
    await openPlayground(page, `${server.url}/story/playground/`);
    await page.fill("[data-field='topic']", "rivers");
    await watchOutput(page);
    await page.click("#run");
    // One word per permit, the next only once the page shows the last: every prefix is painted.
    const words = STORY.split(/(?= )/);
    let shown = "";
    for (const word of words) {
      storyGate.release();
      shown += word;
      await textIs(page, "output", shown);
    }
    await textIs(page, "status", "done");
    const seen = (await seenOutputs(page)).filter((text) => text !== "");
    expect(seen.length).toBeGreaterThanOrEqual(words.length);
    expect(seen.every((text) => STORY.startsWith(text))).toBe(true);
    expect(seen.at(-1)).toBe(STORY);
    expect(await treeRows(page)).toEqual([
      "story:done",
      "ChatPromptTemplate:done",
      "FakeListChatModel:done",
      "StrOutputParser:done",
    ]);
    expect(await page.textContent("#chunks")).not.toBe("0");
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, "playground.png"), fullPage: true });
    expect(problems).toEqual([]);
  }, 120_000);

  it("Stop cancels the server's run: the model's call is aborted and every run closes", async () => {
    await openPlayground(page, `${server.url}/slow/playground/`);
    await fillRaw(page, "hello");
    slowGate.release();
    const before = recorder.entries.length;
    await page.click("#run");
    await textIs(page, "output", "first");
    await until(() => recorder.openRuns().length === 1, "the slow run to wait for its next chunk");
    await page.click("#stop");
    await textIs(page, "status", "cancelled");
    await until(() => slowGate.aborts.length === 1 && recorder.openRuns().length === 0, "the run to close");
    const closing = recorder.entries.slice(before).filter((entry) => entry.kind === "error");
    expect(closing).toHaveLength(1);
    expect(closing[0]).toMatchObject({ name: "FakeListChatModel", error: { code: "aborted" } });
    expect(await treeRows(page)).toEqual(["FakeListChatModel:cancelled"]);
    await page.screenshot({ path: join(ARTIFACTS, "playground-stopped.png"), fullPage: true });
    expect(problems).toEqual([]);
  }, 120_000);
});
