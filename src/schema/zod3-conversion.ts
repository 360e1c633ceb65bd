import type { JsonSchemaIo, JsonSchemaTarget } from "./json-schema-target.js";
import { UnsupportedSchemaError } from "./unsupported-schema-error.js";
import { defField, type Zod3Def, type Zod3Schema } from "./zod3-schema.js";

/** A JSON Schema object being written. */
export type JsonSchemaObject = { [keyword: string]: unknown };

/**
 * One conversion of a zod 3 schema in progress: the dialect, the side, the lazy schemas being
 * expanded (a recursive schema is reported, not expanded forever) and `convert`, which converts
 * a child. The converters of each zod type get it instead of importing the dispatcher, so the
 * files that hold them do not import each other.
 */
export interface Zod3Conversion {
  readonly target: JsonSchemaTarget;
  readonly io: JsonSchemaIo;
  readonly expanding: Set<Zod3Schema>;
  convert(schema: Zod3Schema, path: string): JsonSchemaObject;
}

/** Converts one zod 3 schema whose `_def.typeName` selected it. */
export type Zod3Converter = (
  schema: Zod3Schema,
  conversion: Zod3Conversion,
  path: string,
) => JsonSchemaObject;

/** The error for a part of a zod 3 schema that has no JSON Schema form. */
export function unsupportedZod3(
  construct: string,
  path: string,
  reason: string,
  fix: string,
  cause?: unknown,
): UnsupportedSchemaError {
  const where = path || "(root)";
  return new UnsupportedSchemaError({ library: "zod 3", construct, path: where, reason, fix, cause });
}

/** The path of an object property below `path` (`"trip"` + `"city"` gives `"trip.city"`). */
export function propertyPath(path: string, key: string): string {
  return path === "" ? key : `${path}.${key}`;
}

/** A field of a definition that must be a zod 3 schema (an `innerType`, an array's `type`...). */
export function schemaField(def: Zod3Def, field: string, path: string): Zod3Schema {
  return asZod3Schema(defField(def, field), def, field, path);
}

/** `value`, read from `field` of `owner` (a shape's property, a lazy schema's result), as a zod 3 schema. */
export function asZod3Schema(value: unknown, owner: Zod3Def, field: string, path: string): Zod3Schema {
  if (isZod3Node(value)) return value;
  throw malformed(owner, field, path);
}

/** A field of a definition that must be a list of zod 3 schemas (a union's `options`, a tuple's `items`). */
export function schemaListField(def: Zod3Def, field: string, path: string): Zod3Schema[] {
  const value = defField(def, field);
  if (!Array.isArray(value)) throw malformed(def, field, path);
  return value.map((item: unknown) => {
    if (!isZod3Node(item)) throw malformed(def, field, path);
    return item;
  });
}

/** Any object with a `_def.typeName`: the children of a zod 3 schema. */
function isZod3Node(value: unknown): value is Zod3Schema {
  if (typeof value !== "object" || value === null) return false;
  const def: unknown = Reflect.get(value, "_def");
  return typeof def === "object" && def !== null && typeof Reflect.get(def, "typeName") === "string";
}

function malformed(def: Zod3Def, field: string, path: string): UnsupportedSchemaError {
  return unsupportedZod3(
    def.typeName,
    path,
    `has no valid "${field}" (a zod 3 version this converter does not read?)`,
    "Pass a JSON Schema object instead, and report the zod version to Rivulet.",
  );
}

/** `json` with the definition's `description` as its last keyword (where zod 4 puts it). */
export function withDescription(json: JsonSchemaObject, def: Zod3Def): JsonSchemaObject {
  if (typeof def.description === "string") json.description = def.description;
  return json;
}

/**
 * A wrapper's JSON Schema (optional, default, readonly...): its own keywords first, then the
 * inner schema's, as zod 4 writes them. zod 3 copies a description into the wrappers it builds
 * (`z.string().describe("d").optional()` has it on both), so the wrapper writes its description
 * only when it is its own, which puts it where zod 4 puts it.
 */
export function wrapInner(
  own: JsonSchemaObject,
  schema: Zod3Schema,
  inner: Zod3Schema,
  conversion: Zod3Conversion,
  path: string,
): JsonSchemaObject {
  const innerJson = conversion.convert(inner, path);
  const result: JsonSchemaObject = { ...own };
  const description = schema._def.description;
  if (typeof description === "string" && description !== inner._def.description) {
    result.description = description;
  }
  for (const [keyword, value] of Object.entries(innerJson)) {
    if (!Object.hasOwn(result, keyword)) result[keyword] = value;
  }
  return result;
}
