import { InvalidInputError } from "../errors/input-errors.js";
import { isStandardSchema } from "../schema/is-standard-schema.js";
import type { StandardSchemaV1 } from "../schema/standard-schema.js";
import type { JsonSchema } from "./validate-json-schema.js";
import type { ToolSchema } from "./validate-tool-args.js";

/** Which JSON Schema dialect to ask a Standard Schema library for. */
export type JsonSchemaTarget = "draft-2020-12" | "draft-07" | "openapi-3.0";

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

type Convert = (options: { target: string }) => Record<string, unknown>;

/** The Standard JSON Schema converter on `"~standard"` (zod 4 has one), or zod's own method. */
function findConverter(schema: StandardSchemaV1): Convert | undefined {
  const props = schema["~standard"] as { jsonSchema?: { input?: Convert; output?: Convert } };
  const standard = props.jsonSchema;
  // Tool arguments are what the model sends, so the *input* side of the schema is the one to show.
  const method = standard?.input ?? standard?.output;
  if (method !== undefined) return (o) => method.call(standard, o);
  const own = (schema as { toJSONSchema?: unknown }).toJSONSchema;
  if (typeof own === "function") return (o) => own.call(schema, o) as Record<string, unknown>;
  return undefined;
}

/**
 * True for a JSON Schema describing one string (`{ type: "string" }`, as `z.string()` converts):
 * a tool with such a schema is a string tool, like a tool without a schema.
 */
export function isStringJsonSchema(json: JsonSchema): boolean {
  return json.type === "string";
}

/**
 * A tool schema's own JSON Schema, with no string-tool mapping: a JSON Schema is copied, a
 * Standard Schema is converted by its library (without the top-level `$schema` key). Throws
 * `InvalidInputError` for a library with no converter.
 */
export function convertToolSchema(schema: ToolSchema, options: ToJsonSchemaOptions = {}): JsonSchema {
  if (!isStandardSchema(schema)) return structuredClone(schema);
  const convert = findConverter(schema);
  if (convert === undefined) {
    throw new InvalidInputError(
      `Cannot convert a "${schema["~standard"].vendor}" schema to JSON Schema: it offers no converter. ` +
        "Use a zod 4 schema, or give the tool a JSON Schema object.",
    );
  }
  const { $schema: _, ...rest } = convert({ target: options.target ?? "draft-2020-12" });
  return rest as JsonSchema;
}

/**
 * The JSON Schema of a tool's arguments: a JSON Schema is copied; a Standard Schema is
 * converted by its library, through the Standard JSON Schema `"~standard".jsonSchema` interface
 * (zod 4) or the schema's own `toJSONSchema()` method, so zod is never imported. A string tool
 * (no schema, or a schema of one string such as `z.string()` or `{ type: "string" }`) gives
 * `{ type: "object", properties: { input: { type: "string" } }, required: ["input"] }`, the
 * object models send for it. The top-level `$schema` key is dropped because providers want the
 * bare object. Synchronous. Throws `InvalidInputError` for a library with no converter (zod 3,
 * Valibot without its to-json-schema package): pass a JSON Schema object instead.
 */
export function schemaToJsonSchema(
  schema: ToolSchema | undefined,
  options: ToJsonSchemaOptions = {},
): JsonSchema {
  if (schema === undefined) return structuredClone(STRING_TOOL_SCHEMA);
  const json = convertToolSchema(schema, options);
  return isStringJsonSchema(json) ? structuredClone(STRING_TOOL_SCHEMA) : json;
}
