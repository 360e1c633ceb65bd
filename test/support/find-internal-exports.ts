import { readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import ts from "typescript";

/** One exported name of a public entry whose declaration lives in a folder named `internal`. */
export interface InternalExport {
  /** The entry file, relative to the root given. */
  entry: string;
  /** The name the entry exports. */
  name: string;
  /** Where it is declared, relative to the root given. */
  declaredIn: string;
}

const INTERNAL_FOLDER = /(^|\/)internal\//;

/**
 * The names `entries` (TypeScript sources) export whose declarations sit under an `internal`
 * folder. The checker follows every re-export (`export { x } from`, `export *`, `export type`)
 * to the final declaration, however many folder indexes are in between.
 */
export function findInternalExports(root: string, entries: readonly string[]): InternalExport[] {
  const program = ts.createProgram({
    rootNames: entries.map((entry) => resolve(root, entry)),
    options: {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      noEmit: true,
      skipLibCheck: true,
      types: [],
    },
  });
  const checker = program.getTypeChecker();
  const found: InternalExport[] = [];
  for (const entry of entries) {
    const sourceFile = program.getSourceFile(resolve(root, entry));
    const moduleSymbol = sourceFile === undefined ? undefined : checker.getSymbolAtLocation(sourceFile);
    if (moduleSymbol === undefined) throw new Error(`${entry} is not a module TypeScript can read`);
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const target =
        (exported.flags & ts.SymbolFlags.Alias) !== 0 ? checker.getAliasedSymbol(exported) : exported;
      for (const declaration of target.declarations ?? []) {
        const declaredIn = relative(root, declaration.getSourceFile().fileName);
        if (INTERNAL_FOLDER.test(declaredIn)) found.push({ entry, name: exported.name, declaredIn });
      }
    }
  }
  return found;
}

const RE_EXPORT = /^export\s+(?:type\s+)?(?:\*(?:\s+as\s+\w+)?|\{[^}]*\})\s+from\s+"([^"]+)"/gm;

/**
 * The declaration files reached from `entries` (emitted `.d.ts` files) through re-export
 * statements only, each with the file that re-exports it. What tsc emitted is what users'
 * editors read, so this checks the build, not just the sources.
 */
export function reExportedDeclarationFiles(
  root: string,
  entries: readonly string[],
): { file: string; from: string }[] {
  const seen = new Set<string>();
  const reached: { file: string; from: string }[] = [];
  const pending = entries.map((entry) => resolve(root, entry));
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const match of readFileSync(file, "utf8").matchAll(RE_EXPORT)) {
      const specifier = match[1] ?? "";
      if (!specifier.startsWith(".")) continue;
      const target = resolve(dirname(file), specifier).replace(/\.js$/, ".d.ts");
      reached.push({ file: relative(root, target), from: relative(root, file) });
      pending.push(target);
    }
  }
  return reached;
}
