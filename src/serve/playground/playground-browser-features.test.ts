import { join } from "node:path";
import { AIMessage, JsonOutputParser, RunnableLambda, tool } from "rivulet";
import { type ListeningServer, listen, serve } from "rivulet/serve";
import { FakeListChatModel, FakeStreamingChatModel, splitText } from "rivulet/testing";
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
  watchProblems,
} from "./test-support/playground-browser.js";

// The playground's other promises, checked in Debian's headless Chromium: partial JSON shown
// live, tool calls with arguments and results in the run tree, errors with their code, huge
// outputs cut with "Show all", and share links that reopen the same input.
const COUNTRIES = { countries: [{ name: "France" }, { name: "Spain" }, { name: "Japan" }] };
const COUNTRIES_TEXT = JSON.stringify(COUNTRIES, null, 1);
const HUGE = "x".repeat(50_000);

function weatherChain() {
  const call = { name: "get_weather", args: { city: "Paris" }, id: "call_7", type: "tool_call" as const };
  const model = new FakeStreamingChatModel({
    responses: [new AIMessage({ content: "", tool_calls: [call] })],
  });
  const getWeather = tool(({ city }: { city: string }) => `sunny in ${city}`, {
    name: "get_weather",
    description: "The weather in a city.",
    schema: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
  });
  const runTools = RunnableLambda.from(async (message: AIMessage, config) => {
    const first = message.tool_calls[0];
    if (first === undefined) throw new Error("the model made no tool call");
    return getWeather.invoke(first, config);
  }).withConfig({ runName: "runTools" });
  return model.pipe(runTools);
}

describe.skipIf(chromiumPath === undefined && !browserRequired)(
  "playground features in headless Chromium",
  () => {
    const jsonGate = new GatedDelay();
    let server: ListeningServer;
    let browser: PlaygroundBrowser;

    beforeAll(async () => {
      const writer = new FakeListChatModel({
        responses: [COUNTRIES_TEXT],
        chunking: "word",
        sleep: 1,
        delay: jsonGate.delay,
      });
      const app = serve({
        "/countries": writer.pipe(new JsonOutputParser()),
        "/weather": weatherChain(),
        "/broken": new FakeStreamingChatModel({ thrownErrorString: "secret provider detail" }),
        "/huge": RunnableLambda.from(() => HUGE).withConfig({ runName: "huge" }),
      });
      server = await listen(app, { port: 0, host: "127.0.0.1" });
      browser = await launchPlaygroundBrowser();
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it("shows structured output as its latest partial JSON while it streams", async () => {
      const { page, problems } = browser;
      await openPlayground(page, `${server.url}/countries/playground/`);
      await fillRaw(page, "countries please");
      await watchOutput(page);
      await page.click("#run");
      // One word per permit, the next once the page has counted (and painted) the last.
      const words = splitText(COUNTRIES_TEXT, "word").length;
      for (let count = 1; count <= words; count++) {
        jsonGate.release();
        await textIs(page, "chunks", String(count));
      }
      await textIs(page, "status", "done");
      const seen = await seenOutputs(page);
      expect(seen.some((text) => text.includes("France") && !text.includes("Japan"))).toBe(true);
      expect(JSON.parse(seen.at(-1) ?? "")).toEqual(COUNTRIES);
      expect(problems).toEqual([]);
    }, 120_000);

    it("shows a tool call with its arguments, and the tool's run with its result", async () => {
      const { page, problems } = browser;
      await openPlayground(page, `${server.url}/weather/playground/`);
      await fillRaw(page, "weather in Paris?");
      await page.click("#run");
      await textIs(page, "status", "done");
      expect(await treeRows(page)).toEqual([
        "RunnableSequence:done",
        "FakeStreamingChatModel:done",
        "runTools:done",
        "get_weather:done",
      ]);
      const tree = (await page.textContent("#tree")) ?? "";
      expect(tree).toContain("tool call get_weather (call_7)");
      expect(tree).toContain('"city": "Paris"');
      // Once per run that returned it (root, runTools, the tool), as its tool result, never twice.
      expect(tree.split("sunny in Paris").length - 1).toBe(3);
      expect(await page.isVisible("text=tool call get_weather (call_7)")).toBe(true);
      await page.screenshot({ path: join(ARTIFACTS, "playground-tool-call.png"), fullPage: true });
      expect(problems).toEqual([]);
    }, 120_000);

    it("shows a failed run with its error code, the message masked", async () => {
      const { page, problems } = browser;
      await openPlayground(page, `${server.url}/broken/playground/`);
      await fillRaw(page, "hi");
      await page.click("#run");
      await textIs(page, "status", "error");
      expect(await treeRows(page)).toEqual(["FakeStreamingChatModel:error"]);
      // The error frame is masked; the tree's error comes from the on_chat_model_error event.
      const frameError = (await page.textContent("#run-error")) ?? "";
      expect(frameError).toMatch(/^internal \(HTTP 500\): /);
      expect(frameError).not.toContain("secret provider detail");
      expect(await page.textContent("#tree .run-detail .error")).toMatch(/^\w+: /);
      expect(problems).toEqual([]);
    }, 120_000);

    it("cuts a huge output with Show all, which then shows it whole", async () => {
      const { page, problems } = browser;
      await openPlayground(page, `${server.url}/huge/playground/`);
      await fillRaw(page, {});
      await page.click("#run");
      await textIs(page, "status", "done");
      await page.waitForSelector("#output-all:visible", WAIT);
      expect(((await page.textContent("#output")) ?? "").length).toBeLessThan(HUGE.length);
      expect(await page.textContent("#output-all")).toBe("Show all (50,000 characters)");
      await page.click("#output-all");
      await page.waitForSelector("#output-all", { ...WAIT, state: "hidden" });
      expect(await page.textContent("#output")).toBe(HUGE);
      expect(problems).toEqual([]);
    }, 120_000);

    it("a share link reopens the same input and config; the run is in recent inputs", async () => {
      const { page, context, problems } = browser;
      await openPlayground(page, `${server.url}/weather/playground/`);
      await fillRaw(page, "weather in Oslo?");
      await page.click("#config-panel > summary");
      await page.fill("#config", '{"user": "ada"}');
      await page.click("#share");
      const link = await page.inputValue("#share-link");
      expect(link.startsWith(`${server.url}/weather/playground/#`)).toBe(true);
      const other = await context.newPage();
      watchProblems(other, problems);
      await openPlayground(other, link);
      expect(JSON.parse(await other.inputValue("#raw"))).toBe("weather in Oslo?");
      expect(JSON.parse(await other.inputValue("#config"))).toEqual({ user: "ada" });
      await other.click("#run");
      await textIs(other, "status", "done");
      await other.reload();
      await other.waitForSelector("body[data-ready='true']", WAIT);
      expect(await other.locator("#recent button").first().textContent()).toBe('"weather in Oslo?"');
      await other.close();
      expect(problems).toEqual([]);
    }, 120_000);
  },
);
