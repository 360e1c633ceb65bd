import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Our own tools (vitest, tsc) resolve "rivulet" to src/*.ts through a scoped export condition.
// A generic name such as "source" is one that consumers' bundlers and test runners enable for
// their own packages (and for every dependency with it); they would then compile our raw
// TypeScript under their settings. These tests resolve the package as such a consumer does.

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const ownCondition = "@rivulet/source";
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  name: string;
  exports: Record<string, string | Record<string, string>>;
};
const subpaths = Object.keys(pkg.exports).filter((subpath) => subpath !== "./package.json");
const specifiers = subpaths.map((subpath) => `${pkg.name}${subpath.slice(1)}`);

let consumer = "";

beforeAll(() => {
  // A consumer project with the package linked into its node_modules, as `npm link` does.
  consumer = mkdtempSync(join(tmpdir(), "rivulet-consumer-"));
  mkdirSync(join(consumer, "node_modules"));
  symlinkSync(root, join(consumer, "node_modules", pkg.name), "dir");
  writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", type: "module" }));
  writeFileSync(join(consumer, "index.ts"), "export {};\n");
});

afterAll(() => {
  if (consumer !== "") rmSync(consumer, { recursive: true, force: true });
});

/** Resolves every entry point in a Node process started in the consumer with `--conditions=<condition>`. */
function resolveWithNode(condition: string): string[] {
  const body = `console.log(JSON.stringify(${JSON.stringify(specifiers)}.map((s) => import.meta.resolve(s))));`;
  const out = execFileSync(
    process.execPath,
    [`--conditions=${condition}`, "--input-type=module", "-e", body],
    { cwd: consumer, encoding: "utf8" },
  );
  const urls = JSON.parse(out) as string[];
  return urls.map((url) => fileURLToPath(url));
}

/** Resolves one specifier's types as TypeScript does for a consumer with `customConditions`. */
function resolveTypes(specifier: string, moduleResolution: ts.ModuleResolutionKind): string | undefined {
  const options: ts.CompilerOptions = {
    module:
      moduleResolution === ts.ModuleResolutionKind.Bundler ? ts.ModuleKind.ESNext : ts.ModuleKind.NodeNext,
    moduleResolution,
    customConditions: ["source"],
  };
  const result = ts.resolveModuleName(specifier, join(consumer, "index.ts"), options, ts.sys);
  return result.resolvedModule?.resolvedFileName;
}

describe("a consumer that enables the generic `source` condition", () => {
  it("gets the built bundles from Node's resolver, never .ts", () => {
    const resolved = resolveWithNode("source");
    expect(resolved).toHaveLength(specifiers.length);
    for (const file of resolved) {
      expect(file).toMatch(/\/dist\/bundle\/[\w-]+\.js$/);
    }
  });

  it.each([
    ["NodeNext", ts.ModuleResolutionKind.NodeNext],
    ["Bundler", ts.ModuleResolutionKind.Bundler],
  ])("gets the declarations from TypeScript (%s resolution), never .ts", (_name, moduleResolution) => {
    for (const specifier of specifiers) {
      expect(resolveTypes(specifier, moduleResolution)).toMatch(/\/dist\/src\/.+\.d\.ts$/);
    }
  });

  it("finds raw sources only under our own scoped condition in the export map", () => {
    for (const subpath of subpaths) {
      const entry = pkg.exports[subpath];
      if (entry === undefined || typeof entry === "string") continue;
      const toSources = Object.entries(entry)
        .filter(([, target]) => target.endsWith(".ts") && !target.endsWith(".d.ts"))
        .map(([condition]) => condition);
      expect(toSources, subpath).toEqual([ownCondition]);
    }
  });
});

describe("our own condition", () => {
  // The control: the same resolution with our condition does reach the sources, so the tests
  // above would see a leak.
  it("resolves every entry point to its src/*.ts", () => {
    for (const file of resolveWithNode(ownCondition)) {
      expect(file).toMatch(/\/src\/(.+\/)?index\.ts$/);
    }
  });
});
