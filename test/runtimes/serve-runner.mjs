// Starts a runtime serving serve-app.mjs over loopback and runs the serve checks against it
// (serve-checks.mjs). Node, Bun and Deno start serve-entry.mjs, which prints its URL; workerd
// is given a config that binds the worker to a free loopback port, and is polled until it answers.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { runServeChecks, SERVE_CHECK_COUNT } from "./serve-checks.mjs";

const READY = "RIVULET_SERVE_READY ";
const START_TIMEOUT_MS = 30_000;

/** A server process: its output so far, a promise of its exit, and how to stop it. */
function startProcess(command, args, { cwd, env = {} }) {
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = { stdout: "", stderr: "" };
  child.stdout.on("data", (data) => {
    output.stdout += data;
  });
  child.stderr.on("data", (data) => {
    output.stderr += data;
  });
  const exited = new Promise((resolve) => {
    child.on("error", (error) => resolve(`could not start: ${error.message}`));
    child.on("close", (code, signal) => resolve(`exited (${code ?? signal})`));
  });
  const stop = async () => {
    child.kill("SIGKILL");
    await exited;
  };
  return { output, exited, stop };
}

function tail({ stdout, stderr }) {
  return `${stdout}\n${stderr}`.trim().split("\n").slice(-20).join("\n");
}

/** Resolves with `ready()`'s first non-undefined value, polling; rejects if the process exits first. */
async function whenReady(server, ready) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let exit;
  server.exited.then((why) => {
    exit = why;
  });
  for (;;) {
    const value = await ready();
    if (value !== undefined) return value;
    if (exit !== undefined)
      throw new Error(`the server ${exit} before it was ready:\n${tail(server.output)}`);
    if (Date.now() > deadline) throw new Error(`the server was not ready in time:\n${tail(server.output)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Runs the checks against a started server, then stops it; a failed check carries the server's output. */
async function checkAndStop(server, target) {
  try {
    const result = await runServeChecks(target);
    for (const check of result.checks)
      if (!check.passed) check.error = `${check.error}\n  server output:\n${tail(server.output)}`;
    return result;
  } finally {
    await server.stop();
  }
}

/** Node, Bun, Deno: `command ...args serve-entry.mjs`, which prints its URL once it listens. */
export async function serveCli(command, args, { cwd, env, entry }) {
  const server = startProcess(command, [...args, entry], { cwd, env });
  const target = await whenReady(server, () => {
    const line = server.output.stdout.split("\n").find((text) => text.startsWith(READY));
    return line === undefined ? undefined : JSON.parse(line.slice(READY.length));
  }).catch(async (error) => {
    await server.stop();
    throw error;
  });
  return checkAndStop(server, target);
}

/** A loopback port free at the time of asking (workerd cannot report the port it bound). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** workerd: `workerd serve config`, whose socket is bound to `url`; ready once a request is answered. */
export async function serveWorkerd(binary, { cwd, configFile, url }) {
  const server = startProcess(binary, ["serve", configFile], { cwd });
  await whenReady(server, () =>
    fetch(`${url}/nope`).then(
      (response) => response.status,
      () => undefined,
    ),
  ).catch(async (error) => {
    await server.stop();
    throw error;
  });
  return checkAndStop(server, { runtime: "workerd", url });
}

export { SERVE_CHECK_COUNT };
