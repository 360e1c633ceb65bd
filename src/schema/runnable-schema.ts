import { isStandardSchema } from "./is-standard-schema.js";
import type { JsonSchemaIo } from "./json-schema-target.js";
import type { StandardSchemaV1 } from "./standard-schema.js";
import { standardSchemaToJsonSchema } from "./standard-schema-to-json-schema.js";
import type { JsonSchemaObject } from "./zod3-conversion.js";

/**
 * One side (input or output) of a Runnable's schema, as `getInputSchema()` / `getOutputSchema()`
 * answer it when it is known: the JSON Schema (without a `$schema` key), which `serve` answers on
 * `input_schema` / `output_schema` and the playground builds its form from, and, optionally, a
 * Standard Schema whose own `validate` checks values (the server uses it, when there is one,
 * instead of checking the JSON Schema). A Runnable that knows nothing answers `undefined`.
 *
 * @example
 * const schema = toRunnableSchema(z.object({ question: z.string() }), "input");
 * schema.jsonSchema; // { type: "object", properties: { question: { type: "string" } }, required: ["question"], ... }
 */
export interface RunnableSchema {
  readonly jsonSchema: JsonSchemaObject;
  readonly standard?: StandardSchemaV1 | undefined;
}

/** A JSON Schema or a Standard Schema (zod, Valibot, ArkType...), as `withTypes` takes them. */
export type SchemaLike = StandardSchemaV1 | JsonSchemaObject;

/** A known schema from a JSON Schema object (a copy, without its `$schema` key). */
export function jsonRunnableSchema(jsonSchema: JsonSchemaObject): RunnableSchema {
  const { $schema: _, ...rest } = jsonSchema;
  return { jsonSchema: rest };
}

/**
 * A Runnable schema from a Standard Schema (converted by its library, see
 * `standardSchemaToJsonSchema`, on the `io` side) or a JSON Schema object. A Standard Schema
 * with no JSON Schema form (a transform, a date) still validates; its JSON Schema is then `{}`.
 */
export function toRunnableSchema(schema: SchemaLike, io: JsonSchemaIo): RunnableSchema {
  if (!isStandardSchema(schema)) return jsonRunnableSchema(schema);
  let jsonSchema: JsonSchemaObject = {};
  try {
    jsonSchema = jsonRunnableSchema(standardSchemaToJsonSchema(schema, { io })).jsonSchema;
  } catch {
    // No JSON Schema form: the schema still validates through `validate`.
  }
  return { jsonSchema, standard: schema };
}
