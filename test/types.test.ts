import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

/** Type-checks test/types/consumer.ts under one app's tsconfig; resolves to tsc's output ("" when clean). */
async function typecheckAs(config: string): Promise<string> {
  const project = join(root, "test/types", config, "tsconfig.json");
  try {
    await run(process.execPath, [tsc, "-p", project, "--pretty", "false"], { cwd: root });
    return "";
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    return `${stdout}${stderr}`.trim() || String(error);
  }
}

// The consumer imports "rivulet" by name, so TypeScript resolves it through the export map's
// "types" condition to the built declarations (dist/src), as an installed copy would be.
describe("the built declarations, as apps compile them", () => {
  it.each([
    ["node", "Node only: lib esnext, Node's types, skipLibCheck false"],
    ["dom", "browser: DOM libs, no Node types, skipLibCheck false"],
    ["nextjs", "Next.js: DOM libs and Node's types, bundler resolution, skipLibCheck true"],
    ["dom-async-iterable", "browser with DOM's async-iterable lib, whose ReadableStream has an iterator"],
  ])(
    "%s (%s): compile, and streamed chunks and events keep their types",
    async (config) => {
      expect(existsSync(join(root, "dist/src/index.d.ts")), "run `npm run build` first").toBe(true);
      expect(await typecheckAs(config)).toBe("");
    },
    120_000,
  );
});
