import type { StandardSchemaIssue } from "./standard-schema.js";

/** A validation issue's path as users write it: `countries[0].name`, or `(root)`. */
export function formatIssuePath(path: StandardSchemaIssue["path"]): string {
  if (path === undefined || path.length === 0) return "(root)";
  let out = "";
  for (const segment of path) {
    const key = typeof segment === "object" && segment !== null ? segment.key : segment;
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}
