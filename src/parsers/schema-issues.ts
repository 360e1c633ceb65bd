import type { StandardSchemaIssue } from "./standard-schema.js";

function formatPath(path: StandardSchemaIssue["path"]): string {
  if (path === undefined || path.length === 0) return "(root)";
  let out = "";
  for (const segment of path) {
    const key = typeof segment === "object" && segment !== null ? segment.key : segment;
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}

/**
 * Describes validation issues for an error message, one line per issue with its path
 * (`countries[0].name: expected string`), so a reader sees every problem, not only the first.
 */
export function formatSchemaIssues(issues: readonly StandardSchemaIssue[]): string {
  return issues.map((issue) => `- ${formatPath(issue.path)}: ${issue.message}`).join("\n");
}
