import { compactTypeUnion } from "./compact-type-union.js";
import { foldObjectIntersection } from "./fold-object-intersection.js";
import type { JsonSchemaIo } from "./json-schema-target.js";
import {
  asZod3Schema,
  type JsonSchemaObject,
  propertyPath,
  schemaField,
  schemaListField,
  unsupportedZod3,
  withDescription,
  type Zod3Converter,
} from "./zod3-conversion.js";
import { defField, type Zod3Schema } from "./zod3-schema.js";

/**
 * Whether a property may be left out on this side, by zod 4's rule: optional on both sides,
 * defaulted on the input side only; wrappers that keep a missing value missing (nullable,
 * readonly, a refinement...) ask their inner schema.
 */
function isOmittable(schema: Zod3Schema, io: JsonSchemaIo): boolean {
  const def = schema._def;
  const inner = (field: string) => isOmittable(schemaField(def, field, ""), io);
  switch (def.typeName) {
    case "ZodOptional":
      return true;
    case "ZodDefault":
      return io === "input";
    case "ZodNullable":
    case "ZodReadonly":
    case "ZodCatch":
      return inner("innerType");
    case "ZodBranded":
    case "ZodPromise":
      return inner("type");
    case "ZodEffects":
      return io === "output" && isTransform(schema) ? false : inner("schema");
    case "ZodPipeline":
      return inner(io === "input" ? "in" : "out");
    default:
      return false;
  }
}

function isTransform(schema: Zod3Schema): boolean {
  const effect = defField(schema._def, "effect");
  return typeof effect === "object" && effect !== null && Reflect.get(effect, "type") === "transform";
}

/** `ZodObject`: properties, `required` for this side, and unknown keys as zod 4 writes them. */
const object: Zod3Converter = (schema, conversion, path) => {
  const def = schema._def;
  const shapeField = defField(def, "shape");
  const shape: unknown = typeof shapeField === "function" ? shapeField() : shapeField;
  if (typeof shape !== "object" || shape === null) {
    throw unsupportedZod3(def.typeName, path, "has no shape", "Pass a JSON Schema object instead.");
  }
  const properties: JsonSchemaObject = {};
  const required: string[] = [];
  for (const key of Object.keys(shape)) {
    const field = asZod3Schema(Reflect.get(shape, key), def, "shape", path);
    const value = conversion.convert(field, propertyPath(path, key));
    // defineProperty: a "__proto__" key is a property like any other, not the prototype.
    Object.defineProperty(properties, key, { value, enumerable: true, writable: true, configurable: true });
    if (!isOmittable(field, conversion.io)) required.push(key);
  }
  const json: JsonSchemaObject = { type: "object", properties };
  if (required.length > 0) json.required = required;
  const catchall = schemaField(def, "catchall", path);
  if (catchall._def.typeName !== "ZodNever") {
    json.additionalProperties = conversion.convert(catchall, propertyPath(path, "*"));
  } else if (defField(def, "unknownKeys") === "strict") {
    json.additionalProperties = false;
  } else if (defField(def, "unknownKeys") === "passthrough") {
    json.additionalProperties = {};
  } else if (conversion.io === "output") {
    // Stripped keys never reach the output, so the output side is closed (zod 4 says the same).
    json.additionalProperties = false;
  }
  return withDescription(json, def);
};

/** The narrowest `{ value }` length of an array definition's `minLength`, `maxLength`, `exactLength`. */
function lengthValue(field: unknown): number | undefined {
  if (typeof field !== "object" || field === null) return undefined;
  const value: unknown = Reflect.get(field, "value");
  return typeof value === "number" ? value : undefined;
}

/** `ZodArray`: length bounds before `type`, as zod 4 orders them. */
const array: Zod3Converter = (schema, conversion, path) => {
  const def = schema._def;
  const exact = lengthValue(defField(def, "exactLength"));
  const lengths = [lengthValue(defField(def, "minLength")), exact].filter((v) => v !== undefined);
  const maxima = [lengthValue(defField(def, "maxLength")), exact].filter((v) => v !== undefined);
  const json: JsonSchemaObject = {};
  if (lengths.length > 0) json.minItems = Math.max(...lengths);
  if (maxima.length > 0) json.maxItems = Math.min(...maxima);
  json.type = "array";
  json.items = conversion.convert(schemaField(def, "type", path), `${path}[]`);
  return withDescription(json, def);
};

/** `ZodTuple`: positional items in the target's spelling; trailing omittable items lower `minItems`. */
const tuple: Zod3Converter = (schema, conversion, path) => {
  const def = schema._def;
  const items = schemaListField(def, "items", path);
  const prefix = items.map((item, index) => conversion.convert(item, `${path}[${index}]`));
  const restField = defField(def, "rest");
  const rest = restField === null || restField === undefined ? undefined : schemaField(def, "rest", path);
  const restJson = rest === undefined ? undefined : conversion.convert(rest, `${path}[]`);
  let minItems = items.length;
  while (minItems > 0 && isOmittable(items[minItems - 1] ?? schema, conversion.io)) minItems--;
  const json: JsonSchemaObject = { type: "array" };
  if (conversion.target === "draft-2020-12") {
    json.prefixItems = prefix;
    json.items = restJson ?? false;
  } else if (conversion.target === "openapi-3.0") {
    json.items = { anyOf: restJson === undefined ? prefix : [...prefix, restJson] };
  } else {
    json.items = prefix;
    json.additionalItems = restJson ?? false;
  }
  if (minItems > 0) json.minItems = minItems;
  if (rest === undefined) json.maxItems = items.length;
  return withDescription(json, def);
};

/**
 * `ZodRecord`: `propertyNames` (not in OpenAPI 3.0) and the values' schema. No `required`,
 * even for enum keys: zod 3 (unlike zod 4) accepts a record that lacks some of them.
 */
const record: Zod3Converter = (schema, conversion, path) => {
  const def = schema._def;
  const json: JsonSchemaObject = { type: "object" };
  if (conversion.target !== "openapi-3.0") {
    json.propertyNames = conversion.convert(schemaField(def, "keyType", path), path);
  }
  json.additionalProperties = conversion.convert(
    schemaField(def, "valueType", path),
    propertyPath(path, "*"),
  );
  return withDescription(json, def);
};

/** `ZodUnion`: `anyOf`, compacted to a `type` list when every option is a bare type. */
const union: Zod3Converter = (schema, conversion, path) => {
  const def = schema._def;
  const options = schemaListField(def, "options", path).map((option) => conversion.convert(option, path));
  const json: JsonSchemaObject = { anyOf: options };
  if (conversion.target !== "openapi-3.0") compactTypeUnion(json);
  return withDescription(json, def);
};

/** `ZodDiscriminatedUnion`: `oneOf` (its options exclude each other), as zod 4 writes it. */
const discriminatedUnion: Zod3Converter = (schema, conversion, path) => {
  const def = schema._def;
  const options = schemaListField(def, "options", path).map((option) => conversion.convert(option, path));
  return withDescription({ oneOf: options }, def);
};

/** `ZodIntersection`: one object when both sides are plain objects, else `allOf` (nested ones flattened). */
const intersection: Zod3Converter = (schema, conversion, path) => {
  const def = schema._def;
  const members: unknown[] = [];
  for (const side of ["left", "right"]) {
    const json = conversion.convert(schemaField(def, side, path), path);
    const onlyAllOf = Object.keys(json).length === 1 && Array.isArray(json.allOf);
    if (onlyAllOf && Array.isArray(json.allOf)) members.push(...json.allOf);
    else members.push(json);
  }
  return withDescription(foldObjectIntersection(members) ?? { allOf: members }, def);
};

/** The converters of zod 3's container types, by `typeName`. */
export const ZOD3_STRUCTURE_CONVERTERS: Readonly<Record<string, Zod3Converter>> = {
  ZodObject: object,
  ZodArray: array,
  ZodTuple: tuple,
  ZodRecord: record,
  ZodUnion: union,
  ZodDiscriminatedUnion: discriminatedUnion,
  ZodIntersection: intersection,
};
