import { join } from "node:path";
import { ChatPromptTemplate, StringOutputParser } from "rivulet";
import { type ListeningServer, listen, serve } from "rivulet/serve";
import { FakeListChatModel, RunRecorder } from "rivulet/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GatedDelay } from "./test-support/gated-delay.js";
import {
  ARTIFACTS,
  browserRequired,
  chromiumPath,
  fillRaw,
  launchPlaygroundBrowser,
  openPlayground,
  type PlaygroundBrowser,
  seenOutputs,
  textIs,
  treeRows,
  WAIT,
  watchOutput,
} from "./test-support/playground-browser.js";

// The playground driven in Debian's headless Chromium: the page as a person uses it, against a
// real loopback server. CI sets RIVULET_REQUIRE_BROWSER=1, so a missing browser fails there.
const STORY = "Rivers carry light down to the sea";

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

describe.skipIf(chromiumPath === undefined && !browserRequired)("playground in headless Chromium", () => {
  const storyGate = new GatedDelay();
  const slowGate = new GatedDelay();
  const recorder = new RunRecorder();
  let server: ListeningServer;
  let browser: PlaygroundBrowser;

  beforeAll(async () => {
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
    browser = await launchPlaygroundBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("fills the form, runs, streams the text over several paints and shows the run tree", async () => {
    const { page, problems } = browser;
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
    const seen = await seenOutputs(page);
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
    await page.screenshot({ path: join(ARTIFACTS, "playground.png"), fullPage: true });
    expect(problems).toEqual([]);
  }, 120_000);

  it("Stop cancels the server's run: the model's call is aborted and every run closes", async () => {
    const { page, problems } = browser;
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
