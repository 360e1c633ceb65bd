import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
/** One conditional entry of the export map: raw sources for our own tools, then declarations and bundle. */
interface SourcedEntry {
  "@rivulet/source": string;
  types: string;
  default: string;
}

const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  name: string;
  exports: Record<string, string | SourcedEntry>;
  files: string[];
};

const entries = Object.entries(pkg.exports).filter(
  (e): e is [string, SourcedEntry] => typeof e[1] !== "string",
);

describe("the export map", () => {
  it("lists the public entry points: the root, testing, the providers, agents, runs, ui, serve, remote, langchain and otel", () => {
    expect(Object.keys(pkg.exports).sort()).toEqual(
      [
        ".",
        "./package.json",
        "./providers",
        "./providers/anthropic",
        "./providers/ollama",
        "./providers/openai",
        "./agents",
        "./runs",
        "./ui",
        "./serve",
        "./remote",
        "./langchain",
        "./otel",
        "./testing",
      ].sort(),
    );
  });

  it.each(entries)(
    "%s: the source exists, types are its declarations, default its bundle",
    (subpath, target) => {
      expect(existsSync(join(root, target["@rivulet/source"]))).toBe(true);
      const compiled = target["@rivulet/source"].replace(/^\.\/src\//, "./dist/src/").replace(/\.ts$/, "");
      expect(target.types).toBe(`${compiled}.d.ts`);
      const bundleName = subpath === "." ? "index" : subpath.slice(2).replaceAll("/", "-");
      expect(target.default).toBe(`./dist/bundle/${bundleName}.js`);
      // The bundler config must build exactly that entry from that source.
      const config = readFileSync(join(root, "rolldown.config.mjs"), "utf8");
      const inputs = new Map(
        [...config.matchAll(/"?([\w-]+)"?:\s*"(src\/[^"]+\.ts)"/g)].map((m) => [m[1], m[2]]),
      );
      expect(inputs.get(bundleName)).toBe(target["@rivulet/source"].slice(2));
    },
  );

  it("never points into src/internal or test support", () => {
    for (const [, target] of entries) {
      expect(target["@rivulet/source"]).not.toMatch(/\/internal\/|test-support/);
    }
    expect(pkg.files).toContain("!src/**/test-support/**");
  });

  it("resolves by the package's own name, each entry exporting something", async () => {
    for (const [subpath] of entries) {
      const mod = (await import(`${pkg.name}${subpath.slice(1)}`)) as Record<string, unknown>;
      expect(Object.keys(mod).length).toBeGreaterThan(0);
    }
  });
});
