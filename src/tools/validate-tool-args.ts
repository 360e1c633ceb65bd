import type { ToolInputIssue } from "../errors/tool-input-error.js";
import type { StandardSchemaIssue, StandardSchemaV1 } from "../parsers/standard-schema.js";
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

/** True for a Standard Schema (ArkType's types are functions, so functions count too). */
export function isStandardSchema(schema: unknown): schema is StandardSchemaV1 {
  if ((typeof schema !== "object" && typeof schema !== "function") || schema === null) return false;
  const props = (schema as { "~standard"?: { validate?: unknown } })["~standard"];
  return typeof props === "object" && props !== null && typeof props.validate === "function";
}

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
 * Validates tool arguments against a {@link ToolSchema}. A Standard Schema may transform the
 * value (defaults, coercions): the transformed value is what the tool function receives. Never
 * throws for invalid input; the caller decides what a failure becomes.
 */
export async function validateToolArgs(schema: ToolSchema, value: unknown): Promise<ToolArgsResult> {
  if (isStandardSchema(schema)) {
    const result = await schema["~standard"].validate(value);
    if (result.issues === undefined) return { success: true, value: result.value };
    const issues = result.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
    return { success: false, issues };
  }
  const issues = validateJsonSchema(schema, value);
  return issues.length === 0 ? { success: true, value } : { success: false, issues };
}
