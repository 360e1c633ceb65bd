// Runs the conformance suite in Debian's headless Chromium, driven by playwright-core (never a
// browser download of its own). The bundles are served as ES modules by a loopback HTTP server
// this starts and stops; a `node:` import or a bare package name anywhere in the root bundle's
// graph fails the module load, which is the browser check that matters most.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = fileURLToPath(new URL("../../", import.meta.url));
/** Only these folders are served: the bundles and the suite. */
const SERVED = ["/dist/bundle/", "/test/runtimes/"];
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

/** A loopback server for the bundles; records every path asked for. */
async function startServer() {
  const requested = [];
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname));
    requested.push(path);
    if (path === "/favicon.ico") {
      response.writeHead(204).end();
      return;
    }
    if (path === "/") {
      response.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>rivulet</title>");
      return;
    }
    const type = path.endsWith(".map") ? "application/json" : "text/javascript";
    if (!SERVED.some((folder) => path.startsWith(folder))) {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(join(root, path));
      response.writeHead(200, { "content-type": type }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    requested,
    close: () => new Promise((done) => server.close(done)),
  };
}

/** The page's own problems: uncaught errors, failed requests, console errors. */
function watchPage(page) {
  const problems = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()}`));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  return problems;
}

/** The browser-only check: the bundles loaded as modules over HTTP, with nothing failing. */
function loadCheck(requested, problems) {
  const missing = ["/dist/bundle/index.js", "/dist/bundle/testing.js"].filter(
    (path) => !requested.includes(path),
  );
  const wrong = [...missing.map((path) => `never requested ${path}`), ...problems];
  const name = "browser: the bundles load as ES modules over loopback HTTP (no node: import), no page error";
  return wrong.length === 0 ? { name, passed: true } : { name, passed: false, error: wrong.join("\n") };
}

/** Runs the suite once in a fresh Chromium profile; returns the suite's result plus the load check. */
export async function runInChromium(executablePath) {
  const server = await startServer();
  const userDataDir = await mkdtemp(join(tmpdir(), "rivulet-chromium-"));
  let context;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      chromiumSandbox: false,
      args: FLAGS,
      timeout: 60_000,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const problems = watchPage(page);
    await page.goto(`${server.origin}/`);
    const result = await page
      .evaluate(
        `import("/test/runtimes/conformance.mjs").then((suite) => suite.runConformance({ expectImplicitPropagation: false }))`,
      )
      .catch((error) => {
        // A module that fails to load says little in the rejection; the page's console says why.
        throw new Error([error instanceof Error ? error.message : String(error), ...problems].join("\n"));
      });
    const version = context.browser()?.version() ?? (await page.evaluate("navigator.userAgent"));
    return {
      ...result,
      runtime: `Chromium ${version}`,
      checks: [...result.checks, loadCheck(server.requested, problems)],
    };
  } finally {
    await context?.close();
    await server.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
}
