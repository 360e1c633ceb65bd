import type { ToolInputIssue } from "../errors/tool-input-error.js";
import { formatIssuePath } from "../schema/format-issue-path.js";
import { isStandardSchema } from "../schema/is-standard-schema.js";
import type { StandardSchemaV1 } from "../schema/standard-schema.js";
import { type JsonSchema, validateJsonSchema } from "./validate-json-schema.js";

/**
 * What describes a tool's arguments: a Standard Schema (a zod 4 schema, Valibot, ArkType...),
 * validated through its `"~standard"` interface so Rivulet never imports the library, or a plain
 * JSON Schema object, validated by {@link validateJsonSchema}.
 */
export type ToolSchema = StandardSchemaV1 | JsonSchema;

/** The outcome of {@link validateToolArgs}: the (possibly transformed) value, or every issue. */
export type ToolArgsResult =
  | { readonly success: true; readonly value: unknown }
  | { readonly success: false; readonly issues: ToolInputIssue[] };

/**
 * Validates tool arguments against a {@link ToolSchema}. A Standard Schema may transform the
 * value (defaults, coercions): the transformed value is what the tool function receives. Never
 * throws for invalid input; the caller decides what a failure becomes.
 */
export async function validateToolArgs(schema: ToolSchema, value: unknown): Promise<ToolArgsResult> {
  if (isStandardSchema(schema)) {
    const result = await schema["~standard"].validate(value);
    if (result.issues === undefined) return { success: true, value: result.value };
    const issues = result.issues.map((i) => ({ path: formatIssuePath(i.path), message: i.message }));
    return { success: false, issues };
  }
  const issues = validateJsonSchema(schema, value);
  return issues.length === 0 ? { success: true, value } : { success: false, issues };
}
