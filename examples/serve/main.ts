// `npm run serve`: the streaming tour's chains over HTTP (LangServe-compatible routes) with a
// browser playground per route, on the offline model unless a provider is configured
// (`--offline` forces it). PORT sets the port (default 8000); it listens on 127.0.0.1 only.
import { listen } from "rivulet/serve";
import { chooseModel } from "../tour/choose-real-model.js";
import { routeLines, tourServer } from "./tour-server.js";

function portFromEnvironment(value: string | undefined): number {
  if (value === undefined || value === "") return 8000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`PORT must be an integer from 0 to 65535, got "${value}".`);
  }
  return port;
}

async function main(): Promise<void> {
  const options = process.argv.slice(2);
  const unknown = options.filter((option) => option !== "--offline");
  if (unknown.length > 0) throw new Error(`Unknown option ${unknown[0]}. Options: --offline`);
  const { model, label } = await chooseModel(false, options.includes("--offline"));
  const { app, routes } = await tourServer(model);
  const server = await listen(app, { port: portFromEnvironment(process.env.PORT), host: "127.0.0.1" });
  console.log(`Rivulet serving the tour's chains at ${server.url} on ${label}.`);
  console.log("Open a playground (or POST to <route>/invoke, /stream, /stream_events...):");
  for (const line of routeLines(server.url, routes)) console.log(line);
  console.log("Ctrl-C stops the server.");
  process.once("SIGINT", () => {
    console.log("\nStopping.");
    server.close().catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
