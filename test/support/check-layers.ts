// The layer rule of docs/architecture.md as a check: the layers and the allowed type-only
// downward imports are read from the document itself, so the table and the check cannot drift.

/** One row of the layer table: its name and the top folders under `src/` that belong to it. */
export interface Layer {
  name: string;
  folders: string[];
}

/** A type-only import allowed to point down: from a folder to a folder or one file. */
export interface TypeOnlyAllowance {
  from: string;
  to: string;
}

/** One source file: its path from the repository root and its text. */
export interface SourceFile {
  path: string;
  text: string;
}

/** An import that breaks the rule. */
export interface LayerViolation {
  file: string;
  specifier: string;
  from: string;
  to: string;
  typeOnly: boolean;
}

function tableAfter(markdown: string, heading: RegExp): string[][] {
  const lines = markdown.split("\n");
  const start = lines.findIndex((line) => heading.test(line));
  if (start < 0) throw new Error(`no table after ${heading}`);
  const rows: string[][] = [];
  let inTable = false;
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith("|")) {
      inTable = true;
      rows.push(
        line
          .split("|")
          .slice(1, -1)
          .map((cell) => cell.trim()),
      );
    } else if (inTable) break;
  }
  // Drop the header and the separator row.
  return rows.slice(2);
}

function srcPaths(cell: string): string[] {
  return [...cell.matchAll(/`src\/([^`]*)`/g)].map((match) => `src/${match[1]}`);
}

/** The layer table of `docs/architecture.md`, top (imported by all) first. */
export function parseLayers(markdown: string): Layer[] {
  return tableAfter(markdown, /^## Layers/).map(([name, folders]) => ({
    name: name ?? "",
    folders: srcPaths(folders ?? "").map((path) => path.split("/")[1] ?? ""),
  }));
}

/** The table of type-only imports that may point down. */
export function parseTypeOnlyAllowances(markdown: string): TypeOnlyAllowance[] {
  return tableAfter(markdown, /^\w+ type-only imports point down/).map(([from, to]) => ({
    from: srcPaths(from ?? "")[0] ?? "",
    to: srcPaths(to ?? "")[0] ?? "",
  }));
}

interface ImportStatement {
  specifier: string;
  typeOnly: boolean;
}

/** Static imports and re-exports, with whether they bring in types only. */
export function readImports(text: string): ImportStatement[] {
  const statements: ImportStatement[] = [];
  const pattern = /^(import|export)\s+(type\s+)?([^;]*?)\s*from\s+"([^"]+)"/gms;
  for (const match of text.matchAll(pattern)) {
    const clause = match[3] ?? "";
    const names = clause
      .replace(/^\{|\}$/g, "")
      .split(",")
      .map((name) => name.trim())
      .filter(Boolean);
    const everyNameTyped =
      clause.startsWith("{") && names.length > 0 && names.every((name) => name.startsWith("type "));
    statements.push({ specifier: match[4] ?? "", typeOnly: match[2] !== undefined || everyNameTyped });
  }
  for (const match of text.matchAll(/^import\s+"([^"]+)"/gm))
    statements.push({ specifier: match[1] ?? "", typeOnly: false });
  for (const match of text.matchAll(/\bimport\(\s*"([^"]+)"\s*\)/g))
    statements.push({ specifier: match[1] ?? "", typeOnly: false });
  return statements;
}

function resolve(fromFile: string, specifier: string): string {
  const parts = fromFile.split("/").slice(0, -1);
  for (const part of specifier.split("/")) {
    if (part === "..") parts.pop();
    else if (part !== ".") parts.push(part);
  }
  return parts.join("/").replace(/\.js$/, ".ts");
}

/** Every relative import under `src/` that points to a layer below its own, unless allowed. */
export function checkLayers(
  layers: readonly Layer[],
  allowances: readonly TypeOnlyAllowance[],
  files: readonly SourceFile[],
): LayerViolation[] {
  const rank = new Map<string, number>();
  layers.forEach((layer, index) => {
    for (const folder of layer.folders) rank.set(folder, index);
  });
  const violations: LayerViolation[] = [];
  for (const file of files) {
    const from = file.path.split("/")[1] ?? "";
    const fromRank = rank.get(from);
    if (fromRank === undefined) continue; // the package entry and files outside the table
    for (const statement of readImports(file.text)) {
      if (!statement.specifier.startsWith(".")) continue;
      const target = resolve(file.path, statement.specifier);
      const to = target.split("/")[1] ?? "";
      const toRank = rank.get(to);
      const below = toRank === undefined || toRank > fromRank;
      if (!below) continue;
      const allowed =
        toRank !== undefined &&
        statement.typeOnly &&
        allowances.some(
          (allowance) =>
            allowance.from === `src/${from}/` && (allowance.to === target || target.startsWith(allowance.to)),
        );
      if (!allowed) {
        violations.push({
          file: file.path,
          specifier: statement.specifier,
          from,
          to,
          typeOnly: statement.typeOnly,
        });
      }
    }
  }
  return violations;
}
