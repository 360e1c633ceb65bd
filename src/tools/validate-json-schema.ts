import type { ToolInputIssue } from "../errors/tool-input-error.js";
import { checkJsonSchema } from "../schema/check-json-schema.js";
import { formatIssuePath } from "../schema/format-issue-path.js";

/**
 * A JSON Schema object, as tools accept it for their arguments. Only the keywords listed in
 * {@link validateJsonSchema} are checked; any other keyword (`description`, `default`,
 * `minimum`...) is kept, passed to models unchanged, and ignored by validation.
 */
export interface JsonSchema {
  type?: JsonSchemaType | JsonSchemaType[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  description?: string;
  [keyword: string]: unknown;
}

/** The `type` values a {@link JsonSchema} may name. */
export type JsonSchemaType = "object" | "array" | "string" | "number" | "integer" | "boolean" | "null";

/**
 * Validates a value against a practical subset of JSON Schema, enough for tool arguments:
 * `type` (one or a list of object, array, string, number, integer, boolean, null), `properties`,
 * `required`, `additionalProperties` (`false` or a schema), `items` (one schema for every item),
 * `enum`, `const`, `anyOf`, `oneOf`, `allOf` and local `$ref`s (the one subset checker,
 * `checkJsonSchema`). Other keywords (`minimum`, `pattern`, `format`...) are not checked: use a
 * Standard Schema library such as zod when they matter. Returns every issue
 * found (an empty list when the value is valid), each with its path (`tags[2]`, `user.name`,
 * `(root)`).
 *
 * @example
 * validateJsonSchema({ type: "object", properties: { n: { type: "integer" } }, required: ["n"] }, {});
 * // [{ path: "n", message: "required, but missing" }]
 */
export function validateJsonSchema(schema: JsonSchema, value: unknown): ToolInputIssue[] {
  return checkJsonSchema(schema, value).map((issue) => ({
    path: formatIssuePath(issue.path),
    message: issue.keyword === "required" ? "required, but missing" : issue.message,
  }));
}
