// Counts the type casts in the shipped sources: every `x as T` and `<T>x` under src/ (`as const`
// excluded: it narrows a literal, it asserts nothing), over every .ts file that is not a test
// (*.test.ts, *.test-d.ts) or test support (a folder named test-support). The rate is casts per
// 1,000 physical lines of those files. test/casts.test.ts keeps the rate under its budget.
//
//   node scripts/count-casts.mjs          the totals
//   node scripts/count-casts.mjs --files  and the casts per file, most first
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Whether a path (relative to the repository) is shipped code rather than a test or its support. */
function isShippedSource(path) {
  if (!path.endsWith(".ts") || path.endsWith(".d.ts")) return false;
  if (path.endsWith(".test.ts") || path.endsWith(".test-d.ts")) return false;
  return !path.split("/").includes("test-support");
}

/** Every shipped .ts file under `folder`, relative to the repository root. */
function shippedSources(folder) {
  const entries = readdirSync(join(root, folder), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split("\\").join("/"))
    .filter(isShippedSource)
    .sort();
}

/** Whether a cast node is `as const` (a literal narrowing, not an assertion). */
function isAsConst(node) {
  const type = node.type;
  return ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && type.typeName.text === "const";
}

/** The casts in one source text: `as T` and `<T>x` nodes, `as const` left out. */
export function countCastsInText(fileName, text) {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  let casts = 0;
  const visit = (node) => {
    if ((ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) && !isAsConst(node)) casts += 1;
    ts.forEachChild(node, visit);
  };
  visit(source);
  return casts;
}

/**
 * Counts the casts under `folder` (default "src"): `{ casts, lines, perThousandLines, files }`,
 * `files` holding `{ path, casts, lines }` for every shipped file.
 */
export function countCasts(folder = "src") {
  const files = shippedSources(folder).map((path) => {
    const text = readFileSync(join(root, path), "utf8");
    const lines = text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
    return { path, casts: countCastsInText(path, text), lines };
  });
  const casts = files.reduce((sum, file) => sum + file.casts, 0);
  const lines = files.reduce((sum, file) => sum + file.lines, 0);
  return { casts, lines, perThousandLines: (casts * 1000) / lines, files };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = countCasts();
  console.log(
    `${result.casts} casts in ${result.lines} lines of ${result.files.length} files: ` +
      `${result.perThousandLines.toFixed(2)} per 1,000 lines`,
  );
  if (process.argv.includes("--files")) {
    const withCasts = result.files.filter((file) => file.casts > 0).sort((a, b) => b.casts - a.casts);
    for (const file of withCasts) console.log(`${String(file.casts).padStart(4)}  ${file.path}`);
  }
}
