import type { JsonSchemaIo, JsonSchemaTarget } from "./json-schema-target.js";
import { type JsonSchemaObject, unsupportedZod3, type Zod3Conversion } from "./zod3-conversion.js";
import { ZOD3_LEAF_CONVERTERS } from "./zod3-leaf-converters.js";
import type { Zod3Schema } from "./zod3-schema.js";
import { ZOD3_STRUCTURE_CONVERTERS } from "./zod3-structure-converters.js";
import { ZOD3_WRAPPER_CONVERTERS } from "./zod3-wrapper-converters.js";

/** Options of {@link zod3ToJsonSchema}. */
export interface Zod3ToJsonSchemaOptions {
  /** Default `"draft-2020-12"`. */
  target?: JsonSchemaTarget | undefined;
  /** Default `"output"` (what parsing gives); `"input"` for what the schema accepts (tool arguments). */
  io?: JsonSchemaIo | undefined;
}

const CONVERTERS = { ...ZOD3_LEAF_CONVERTERS, ...ZOD3_STRUCTURE_CONVERTERS, ...ZOD3_WRAPPER_CONVERTERS };

const SCHEMA_URIS: Readonly<Record<JsonSchemaTarget, string | undefined>> = {
  "draft-2020-12": "https://json-schema.org/draft/2020-12/schema",
  "draft-07": "http://json-schema.org/draft-07/schema#",
  "openapi-3.0": undefined,
};

/**
 * The JSON Schema of a zod 3 schema, which has no converter of its own (zod 4 has
 * `z.toJSONSchema`): written from the schema's definition, keyword for keyword as zod 4 writes
 * the same schema for the types tools and structured output use (objects, strings, numbers,
 * enums, literals, arrays, tuples, records, unions, optional, nullable, default, describe...).
 * What differs is written down in docs/dependencies.md. A part JSON cannot express (a date, a
 * transform's output, a recursive lazy schema) throws `UnsupportedSchemaError` naming where it is
 * and what to use instead.
 *
 * @example
 * zod3ToJsonSchema(z.object({ city: z.string() }), { io: "input" });
 * // { $schema: "https://json-schema.org/draft/2020-12/schema", type: "object", properties: { city: { type: "string" } }, required: ["city"] }
 */
export function zod3ToJsonSchema(
  schema: Zod3Schema,
  options: Zod3ToJsonSchemaOptions = {},
): JsonSchemaObject {
  const target = options.target ?? "draft-2020-12";
  const conversion: Zod3Conversion = {
    target,
    io: options.io ?? "output",
    expanding: new Set(),
    convert(node, path) {
      const convert = CONVERTERS[node._def.typeName];
      if (convert === undefined) {
        const reason = "is a zod type this converter does not know";
        throw unsupportedZod3(node._def.typeName, path, reason, "Pass a JSON Schema object instead.");
      }
      return convert(node, conversion, path);
    },
  };
  const body = conversion.convert(schema, "");
  const uri = SCHEMA_URIS[target];
  return uri === undefined ? body : { $schema: uri, ...body };
}
