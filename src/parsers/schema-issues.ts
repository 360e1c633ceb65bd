import { formatIssuePath } from "../schema/format-issue-path.js";
import type { StandardSchemaIssue } from "../schema/standard-schema.js";

/**
 * Describes validation issues for an error message, one line per issue with its path
 * (`countries[0].name: expected string`), so a reader sees every problem, not only the first.
 */
export function formatSchemaIssues(issues: readonly StandardSchemaIssue[]): string {
  return issues.map((issue) => `- ${formatIssuePath(issue.path)}: ${issue.message}`).join("\n");
}
