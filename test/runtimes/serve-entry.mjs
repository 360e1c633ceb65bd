// The serve entry for runtimes started from a command line: mounts the bundled handler
// (serve-app.mjs) the runtime's own way, as docs/serving.md's recipes do, on a free loopback
// port, and prints one line with its URL for the runner, which then makes real HTTP requests
// (serve-checks.mjs) and kills this process when done.
import { listen } from "../../dist/bundle/serve.js";
import { describeRuntime } from "./conformance.mjs";
import { serveApp } from "./serve-app.mjs";

const app = serveApp();
const ready = (url) =>
  console.log(`RIVULET_SERVE_READY ${JSON.stringify({ runtime: describeRuntime(), url })}`);

if (globalThis.Bun !== undefined) {
  const server = Bun.serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  ready(`http://127.0.0.1:${server.port}`);
} else if (globalThis.Deno !== undefined) {
  Deno.serve(
    { port: 0, hostname: "127.0.0.1", onListen: ({ port }) => ready(`http://127.0.0.1:${port}`) },
    app.fetch,
  );
} else {
  const { url } = await listen(app, { port: 0 });
  ready(url);
}
