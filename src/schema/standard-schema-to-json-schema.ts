import type { JsonSchemaIo, JsonSchemaTarget } from "./json-schema-target.js";
import type { StandardSchemaV1 } from "./standard-schema.js";
import { UnsupportedSchemaError } from "./unsupported-schema-error.js";
import type { JsonSchemaObject } from "./zod3-conversion.js";
import { isZod3Schema } from "./zod3-schema.js";
import { zod3ToJsonSchema } from "./zod3-to-json-schema.js";

/** Options of {@link standardSchemaToJsonSchema}. */
export interface StandardSchemaToJsonSchemaOptions {
  /** Default `"draft-2020-12"`. */
  target?: JsonSchemaTarget | undefined;
  /** `"input"` for what the schema accepts (tool arguments), `"output"` for what it gives (parsed output). */
  io: JsonSchemaIo;
}

type Convert = (target: JsonSchemaTarget) => unknown;

/** The Standard JSON Schema member of `"~standard"` (zod 4 has it), read without trusting its shape. */
function standardConverter(schema: StandardSchemaV1, io: JsonSchemaIo): Convert | undefined {
  const standard: unknown = Reflect.get(schema["~standard"], "jsonSchema");
  if (typeof standard !== "object" || standard === null) return undefined;
  const own: unknown = Reflect.get(standard, io);
  // A library may offer one side only; the other is the best description there is.
  const method: unknown =
    typeof own === "function" ? own : Reflect.get(standard, io === "input" ? "output" : "input");
  return typeof method === "function" ? (target) => method.call(standard, { target }) : undefined;
}

/** The schema's converter: Standard JSON Schema, zod 4's `toJSONSchema()` method, or ours for zod 3. */
function findConverter(schema: StandardSchemaV1, io: JsonSchemaIo): Convert | undefined {
  const standard = standardConverter(schema, io);
  if (standard !== undefined) return standard;
  const method: unknown = Reflect.get(schema, "toJSONSchema");
  if (typeof method === "function") return (target) => method.call(schema, { target, io });
  if (isZod3Schema(schema)) return (target) => zod3ToJsonSchema(schema, { target, io });
  return undefined;
}

/** How errors name the schema's library: zod's two majors apart, else its vendor, quoted. */
function libraryName(schema: StandardSchemaV1): string {
  const vendor = schema["~standard"].vendor;
  if (vendor !== "zod") return JSON.stringify(vendor);
  return Reflect.get(schema, "_zod") === undefined ? "zod 3" : "zod 4";
}

function noConverter(library: string): UnsupportedSchemaError {
  if (library === "zod 4") {
    return new UnsupportedSchemaError({
      library,
      construct: "the schema",
      path: "(root)",
      reason:
        "carries no JSON Schema converter (schemas from zod/mini and from zod 3.25's zod/v4 subpath have none)",
      fix: 'Build it with zod 4\'s main entry (import { z } from "zod"), or pass the JSON Schema object z.toJSONSchema(schema) gives.',
    });
  }
  return new UnsupportedSchemaError({
    library,
    construct: "the schema",
    path: "(root)",
    reason: 'offers no JSON Schema converter (no "~standard".jsonSchema, no toJSONSchema method)',
    fix: "Use a zod schema or a library implementing Standard JSON Schema, or pass a JSON Schema object.",
  });
}

/**
 * The JSON Schema of a Standard Schema, for showing it to a model (tool arguments,
 * `withStructuredOutput`, format instructions), without importing its library: through the
 * Standard JSON Schema interface on `"~standard"` (zod 4, and any library implementing it), a
 * `toJSONSchema()` method, or, for zod 3, which has neither, Rivulet's own converter
 * ({@link zod3ToJsonSchema}). The result keeps the top-level `$schema` key. Synchronous.
 * Throws `UnsupportedSchemaError` when the schema (or a part of it) has no JSON Schema form,
 * including when the library's own converter refuses it (zod 4 and `z.date()`).
 *
 * @example
 * standardSchemaToJsonSchema(z.object({ city: z.string() }), { io: "input" }); // zod 3 or zod 4
 */
export function standardSchemaToJsonSchema(
  schema: StandardSchemaV1,
  options: StandardSchemaToJsonSchemaOptions,
): JsonSchemaObject {
  const library = libraryName(schema);
  const convert = findConverter(schema, options.io);
  if (convert === undefined) throw noConverter(library);
  let json: unknown;
  try {
    json = convert(options.target ?? "draft-2020-12");
  } catch (error) {
    if (UnsupportedSchemaError.isInstance(error)) throw error;
    const said = error instanceof Error ? error.message : String(error);
    throw new UnsupportedSchemaError({
      library,
      construct: "a part of the schema",
      path: "(root)",
      reason: `has no JSON Schema form, as ${library}'s converter says: "${said}"`,
      fix: "Replace that part (a date by an ISO string, a transform by a step after parsing...), or pass a JSON Schema object.",
      cause: error,
    });
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new UnsupportedSchemaError({
      library,
      construct: "the schema",
      path: "(root)",
      reason: "was converted to something that is not a JSON Schema object",
      fix: "Pass a JSON Schema object instead.",
    });
  }
  return { ...json };
}
