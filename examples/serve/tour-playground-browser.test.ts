import { listen } from "rivulet/serve";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  browserRequired,
  chromiumPath,
  launchPlaygroundBrowser,
  openPlayground,
  type PlaygroundBrowser,
  textIs,
} from "../../src/serve/playground/test-support/playground-browser.js";
import { offlineModel } from "../tour/choose-model.js";
import { playgroundUrl, type TourServer, tourServer } from "./tour-server.js";

// The links `npm run serve` prints, opened in headless Chromium: each playground opens with its
// example filled in from the link and runs it to the end.
describe.skipIf(chromiumPath === undefined && !browserRequired)("npm run serve's playground links", () => {
  let served: TourServer;
  let server: Awaited<ReturnType<typeof listen>>;
  let browser: PlaygroundBrowser;

  beforeAll(async () => {
    served = await tourServer(offlineModel(true).model);
    server = await listen(served.app, { port: 0, host: "127.0.0.1" });
    browser = await launchPlaygroundBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("every printed link opens its playground with the example, which runs to done", async () => {
    const { page, problems } = browser;
    const outputs: Record<string, string> = {};
    for (const route of served.routes) {
      await openPlayground(page, playgroundUrl(server.url, route));
      expect(await page.textContent("#form-error"), route.path).toBe("");
      await page.click("#run");
      await textIs(page, "status", "done");
      outputs[route.path] = (await page.textContent("#output")) ?? "";
    }
    expect(outputs["/chat"]).toContain("Polar bears");
    expect(outputs["/joke"]).toContain("parrot");
    expect(JSON.parse(outputs["/countries"] ?? "")).toMatchObject({
      countries: [{ name: "France" }, {}, {}],
    });
    expect(outputs["/country-names"]).toBe("FranceSpainJapan");
    expect(outputs["/retrieval"]).toContain("Kensho");
    expect(problems).toEqual([]);
  }, 120_000);
});
