import { isStandardSchema } from "../schema/is-standard-schema.js";
import type { JsonSchemaTarget } from "../schema/json-schema-target.js";
import { standardSchemaToJsonSchema } from "../schema/standard-schema-to-json-schema.js";
import type { JsonSchema } from "./validate-json-schema.js";
import type { ToolSchema } from "./validate-tool-args.js";

export type { JsonSchemaTarget };

/** Options of {@link schemaToJsonSchema} and `toolToJsonSchema`. */
export interface ToJsonSchemaOptions {
  /** Default `"draft-2020-12"`; `"openapi-3.0"` suits providers that speak OpenAPI (Gemini). */
  target?: JsonSchemaTarget;
}

/** The arguments of a string tool (no schema, or a string schema): one string, sent by models as `{ input }`. */
const STRING_TOOL_SCHEMA: JsonSchema = {
  type: "object",
  properties: { input: { type: "string" } },
  required: ["input"],
};

/**
 * True for a JSON Schema describing one string (`{ type: "string" }`, as `z.string()` converts):
 * a tool with such a schema is a string tool, like a tool without a schema.
 */
export function isStringJsonSchema(json: JsonSchema): boolean {
  return json.type === "string";
}

/**
 * A tool schema's own JSON Schema, with no string-tool mapping: a JSON Schema is copied, a
 * Standard Schema is converted (`standardSchemaToJsonSchema`, its input side: tool arguments are
 * what the model sends), without the top-level `$schema` key. Throws `UnsupportedSchemaError`
 * for a schema with no JSON Schema form.
 */
export function convertToolSchema(schema: ToolSchema, options: ToJsonSchemaOptions = {}): JsonSchema {
  if (!isStandardSchema(schema)) return structuredClone(schema);
  const { $schema: _, ...rest } = standardSchemaToJsonSchema(schema, { target: options.target, io: "input" });
  return rest as JsonSchema;
}

/**
 * The JSON Schema of a tool's arguments: a JSON Schema is copied; a Standard Schema is
 * converted by its library, through the Standard JSON Schema `"~standard".jsonSchema` interface
 * (zod 4) or the schema's own `toJSONSchema()` method, or by Rivulet's converter for zod 3,
 * which has neither; zod is never imported. A string tool
 * (no schema, or a schema of one string such as `z.string()` or `{ type: "string" }`) gives
 * `{ type: "object", properties: { input: { type: "string" } }, required: ["input"] }`, the
 * object models send for it. The top-level `$schema` key is dropped because providers want the
 * bare object. Synchronous. Throws `UnsupportedSchemaError` (an `InvalidInputError`) for a
 * schema with no JSON Schema form (a `z.date()`, a library with no converter, such as Valibot
 * without its to-json-schema package): its message says what to pass instead.
 */
export function schemaToJsonSchema(
  schema: ToolSchema | undefined,
  options: ToJsonSchemaOptions = {},
): JsonSchema {
  if (schema === undefined) return structuredClone(STRING_TOOL_SCHEMA);
  const json = convertToolSchema(schema, options);
  return isStringJsonSchema(json) ? structuredClone(STRING_TOOL_SCHEMA) : json;
}
