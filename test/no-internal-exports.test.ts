import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { findInternalExports, reExportedDeclarationFiles } from "./support/find-internal-exports.js";

// Nothing under a folder named `internal` is public: a name the package exports is declared
// outside one, so moving or changing an internal file never breaks users. What is meant to be
// public (such as the provider base in src/providers/base/) lives in a folder named for it.

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  exports: Record<string, string | Record<string, string>>;
};
const conditional = Object.values(pkg.exports).filter(
  (entry): entry is Record<string, string> => typeof entry !== "string",
);
const sourceEntries = conditional.map((entry) => (entry["@rivulet/source"] ?? "").slice(2));
const declarationEntries = conditional.map((entry) => (entry.types ?? "").slice(2));

describe("public entry points export nothing from an internal folder", () => {
  it("lists every entry point of the export map", () => {
    expect(sourceEntries).toContain("src/providers/index.ts");
    expect(sourceEntries.every((entry) => entry.endsWith(".ts"))).toBe(true);
    expect(declarationEntries.every((entry) => entry.endsWith(".d.ts"))).toBe(true);
  });

  it("sources: every exported name is declared outside internal/", () => {
    expect(findInternalExports(root, sourceEntries)).toEqual([]);
  });

  it("emitted declarations: no re-export chain of an entry's .d.ts reaches internal/", () => {
    expect(existsSync(join(root, declarationEntries[0] ?? "")), "run `npm run build` first").toBe(true);
    const reached = reExportedDeclarationFiles(root, declarationEntries);
    expect(reached.length).toBeGreaterThan(20);
    expect(reached.filter(({ file }) => /(^|\/)internal\//.test(file))).toEqual([]);
  });
});

describe("the check itself", () => {
  const fixture = mkdtempSync(join(tmpdir(), "rivulet-internal-exports-"));
  afterAll(() => rmSync(fixture, { recursive: true, force: true }));

  function write(path: string, text: string): void {
    mkdirSync(dirname(join(fixture, path)), { recursive: true });
    writeFileSync(join(fixture, path), text);
  }

  it("reports an internal name re-exported directly, by type, or through a folder's export *", () => {
    write("package.json", JSON.stringify({ type: "module" }));
    write("src/internal/secret.ts", "export const secret = 1;\nexport type Secret = number;\n");
    write("src/public/helper.ts", "export const helper = 2;\n");
    write("src/public/index.ts", 'export * from "./helper.js";\nexport * from "../internal/secret.js";\n');
    write("src/direct.ts", 'export { secret } from "./internal/secret.js";\n');
    write("src/typed.ts", 'export type { Secret } from "./internal/secret.js";\n');
    write("src/chained.ts", 'export * from "./public/index.js";\n');
    const found = findInternalExports(fixture, ["src/direct.ts", "src/typed.ts", "src/chained.ts"]);
    expect(found).toEqual([
      { entry: "src/direct.ts", name: "secret", declaredIn: "src/internal/secret.ts" },
      { entry: "src/typed.ts", name: "Secret", declaredIn: "src/internal/secret.ts" },
      expect.objectContaining({ entry: "src/chained.ts", declaredIn: "src/internal/secret.ts" }),
      expect.objectContaining({ entry: "src/chained.ts", declaredIn: "src/internal/secret.ts" }),
    ]);
  });

  it("follows the re-export chains of emitted declaration files", () => {
    write("dist/index.d.ts", 'export * from "./public/index.js";\n');
    write("dist/public/index.d.ts", 'export type { Secret } from "../internal/secret.js";\n');
    write("dist/internal/secret.d.ts", "export type Secret = number;\n");
    expect(reExportedDeclarationFiles(fixture, ["dist/index.d.ts"])).toEqual([
      { file: "dist/public/index.d.ts", from: "dist/index.d.ts" },
      { file: "dist/internal/secret.d.ts", from: "dist/public/index.d.ts" },
    ]);
  });
});
