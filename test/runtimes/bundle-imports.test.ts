import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const bundleDir = join(dirname(fileURLToPath(import.meta.url)), "../../dist/bundle");

/** The module specifiers one bundled file imports, split into static and dynamic ones. */
function importsOf(file: string): { staticImports: string[]; dynamicImports: string[] } {
  const code = readFileSync(file, "utf8");
  const staticImports = [...code.matchAll(/^\s*(?:import|export)\b[^"'();]*?["']([^"']+)["']/gm)].map(
    (match) => match[1] ?? "",
  );
  const dynamicImports = [...code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)].map(
    (match) => match[1] ?? "",
  );
  return { staticImports, dynamicImports };
}

/** Every file the static import graph of `entry` loads, with what each imports. */
function staticGraph(entry: string): Map<string, ReturnType<typeof importsOf>> {
  const graph = new Map<string, ReturnType<typeof importsOf>>();
  const pending = [join(bundleDir, entry)];
  while (pending.length > 0) {
    const file = pending.pop() ?? "";
    if (graph.has(file)) continue;
    const imports = importsOf(file);
    graph.set(file, imports);
    for (const specifier of imports.staticImports) {
      if (specifier.startsWith(".")) pending.push(join(dirname(file), specifier));
    }
  }
  return graph;
}

// A browser (or workerd without nodejs_compat) cannot load a module that imports `node:*` or a
// bare package name, so no entry (all of them run everywhere; providers use fetch) may reach
// either when it loads. Node built-ins are reached lazily (process.getBuiltinModule) and optional packages by a
// dynamic import at the call that needs them.
describe.each([
  "index.js",
  "testing.js",
  "providers.js",
  "providers-openai.js",
  "providers-anthropic.js",
  "providers-ollama.js",
])("dist/bundle/%s loads without Node built-ins", (entry) => {
  it("imports only relative chunks statically, and no node: module at all", () => {
    expect(existsSync(join(bundleDir, entry)), "run `npm run build` first").toBe(true);
    const offending: string[] = [];
    for (const [file, { staticImports, dynamicImports }] of staticGraph(entry)) {
      const name = relative(bundleDir, file);
      for (const specifier of staticImports) {
        if (!specifier.startsWith(".")) offending.push(`${name}: import "${specifier}"`);
      }
      for (const specifier of dynamicImports) {
        if (specifier.startsWith("node:")) offending.push(`${name}: import("${specifier}")`);
      }
    }
    expect(offending).toEqual([]);
  });
});
