// Checks the package as npm would publish it: packs it into a temporary folder (so the checks see
// exactly the files `files` ships), then runs both checks on that tarball at once:
// - publint: package.json fields and the export map against the packed files. Any message fails,
//   suggestions included (the CLI only fails on errors).
// - "are the types wrong" (attw): every entry point's declarations resolve and match its bundle
//   under TypeScript's node16 (ESM) and bundler resolution. The esm-only profile skips node10 and
//   require(): the package is ESM only and says so (`type: module`, no `require` condition).
// - no orphan declarations: every dist/src/**/*.d.ts has its source file (a build that did not
//   clear dist/ shipped the declarations of moved and deleted modules, internals included).
// Needs the build (`npm run build`): the tarball holds dist/.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { publint } from "publint";
import { formatMessage } from "publint/utils";

const run = promisify(execFile);
const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Runs `npm pack` into `folder` and returns the tarball's path. */
async function pack(folder) {
  const { stdout } = await run("npm", ["pack", "--silent", "--pack-destination", folder], { cwd: root });
  const name = stdout.trim().split("\n").at(-1);
  return join(folder, name);
}

/** publint's messages for the tarball, formatted; empty when it has nothing to say. */
async function lintPackage(tarball) {
  const bytes = await readFile(tarball);
  const tarballBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const { messages, pkg } = await publint({ pack: { tarball: tarballBuffer }, strict: true });
  return messages.map(
    (message) => `publint ${message.type}: ${formatMessage(message, pkg, { color: false })}`,
  );
}

/** attw's report on the tarball; `failed` when it found a problem. */
async function checkTypes(tarball) {
  const require = createRequire(import.meta.url);
  const cliPackage = require.resolve("@arethetypeswrong/cli/package.json");
  const { bin } = JSON.parse(await readFile(cliPackage, "utf8"));
  const cli = join(dirname(cliPackage), bin.attw);
  const args = [cli, tarball, "--profile", "esm-only", "--no-color", "--no-emoji", "--format", "ascii"];
  try {
    await run(process.execPath, args, { cwd: root });
    return { failed: false, report: "" };
  } catch (error) {
    return { failed: true, report: `${error.stdout ?? ""}${error.stderr ?? ""}` };
  }
}

/** Declarations under dist/src whose source file no longer exists. */
async function orphanDeclarations() {
  const entries = await readdir(join(root, "dist/src"), { recursive: true });
  return entries
    .filter((entry) => entry.endsWith(".d.ts"))
    .filter((entry) => !existsSync(join(root, "src", entry.replace(/\.d\.ts$/, ".ts"))))
    .map((entry) => `orphan declaration: dist/src/${entry} (its source is gone; rebuild with npm run build)`);
}

if (!existsSync(join(root, "dist/bundle/index.js"))) {
  console.error("check-package: dist/ is missing; run `npm run build` first.");
  process.exit(1);
}
const folder = await mkdtemp(join(tmpdir(), "rivulet-pack-"));
try {
  const tarball = await pack(folder);
  const [lintMessages, types, orphans] = await Promise.all([
    lintPackage(tarball),
    checkTypes(tarball),
    orphanDeclarations(),
  ]);
  for (const line of [...lintMessages, ...orphans]) console.error(line);
  if (types.failed) console.error(types.report);
  if (lintMessages.length > 0 || orphans.length > 0 || types.failed) process.exitCode = 1;
} finally {
  await rm(folder, { recursive: true, force: true });
}
