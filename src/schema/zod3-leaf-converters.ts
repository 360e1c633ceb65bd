import {
  type JsonSchemaObject,
  unsupportedZod3,
  withDescription,
  type Zod3Converter,
} from "./zod3-conversion.js";
import { zod3NumberJsonSchema } from "./zod3-number-json-schema.js";
import { defField } from "./zod3-schema.js";
import { zod3StringJsonSchema } from "./zod3-string-json-schema.js";

/** A zod type with no JSON Schema form, reported with what to write instead. */
function unsupported(reason: string, fix: string): Zod3Converter {
  return (schema, _conversion, path) => {
    throw unsupportedZod3(schema._def.typeName, path, reason, fix);
  };
}

/** A fixed JSON Schema (`{}` for any value, `{ not: {} }` for none), with the schema's description. */
function fixed(make: () => JsonSchemaObject): Zod3Converter {
  return (schema) => withDescription(make(), schema._def);
}

/** The JSON `type` of values that all have one, or undefined. */
function commonType(values: readonly unknown[]): string | undefined {
  if (values.every((value) => typeof value === "number")) return "number";
  if (values.every((value) => typeof value === "string")) return "string";
  return undefined;
}

/** `ZodLiteral`: its type and `const` (`enum` of one in OpenAPI 3.0, which has no `const`). */
const literal: Zod3Converter = (schema, conversion, path) => {
  const value = defField(schema._def, "value");
  if (value === undefined || typeof value === "bigint" || typeof value === "symbol") {
    const fix = "Use a string, number, boolean or null literal, or .optional() for an absent value.";
    throw unsupportedZod3("ZodLiteral", path, `is a ${typeof value} literal, which JSON cannot hold`, fix);
  }
  const json: JsonSchemaObject = { type: value === null ? "null" : typeof value };
  if (conversion.target === "openapi-3.0") json.enum = [value];
  else json.const = value;
  return withDescription(json, schema._def);
};

/** `ZodEnum`: `type: "string"` and its values. */
const enumeration: Zod3Converter = (schema, _conversion, path) => {
  const values = defField(schema._def, "values");
  if (!Array.isArray(values)) {
    throw unsupportedZod3("ZodEnum", path, "has no values", "Pass a JSON Schema object instead.");
  }
  const json: JsonSchemaObject = {};
  const type = commonType(values);
  if (type !== undefined) json.type = type;
  json.enum = [...values];
  return withDescription(json, schema._def);
};

/** `ZodNativeEnum`: a TypeScript enum's values, without the reverse entries a numeric enum has. */
const nativeEnum: Zod3Converter = (schema, _conversion, path) => {
  const entries = defField(schema._def, "values");
  if (typeof entries !== "object" || entries === null) {
    throw unsupportedZod3("ZodNativeEnum", path, "has no values", "Pass a JSON Schema object instead.");
  }
  const numbers = Object.values(entries).filter((value) => typeof value === "number");
  const values = Object.entries(entries)
    .filter(([key]) => !numbers.includes(Number(key)))
    .map(([, value]: [string, unknown]) => value);
  const json: JsonSchemaObject = {};
  const type = commonType(values);
  if (type !== undefined) json.type = type;
  json.enum = values;
  return withDescription(json, schema._def);
};

/** `ZodNull`: `type: "null"`, or OpenAPI 3.0's spelling (it has no null type). */
const nullType: Zod3Converter = (schema, conversion) =>
  withDescription(
    conversion.target === "openapi-3.0" ? { type: "string", nullable: true, enum: [null] } : { type: "null" },
    schema._def,
  );

const NO_JSON = "Pass a JSON Schema object instead.";

/** The converters of zod 3's scalar types and of those JSON has no form for, by `typeName`. */
export const ZOD3_LEAF_CONVERTERS: Readonly<Record<string, Zod3Converter>> = {
  ZodString: zod3StringJsonSchema,
  ZodNumber: zod3NumberJsonSchema,
  ZodBoolean: fixed(() => ({ type: "boolean" })),
  ZodNull: nullType,
  ZodAny: fixed(() => ({})),
  ZodUnknown: fixed(() => ({})),
  ZodNever: fixed(() => ({ not: {} })),
  ZodLiteral: literal,
  ZodEnum: enumeration,
  ZodNativeEnum: nativeEnum,
  ZodDate: unsupported(
    "is a Date, which JSON has no type for",
    "Use z.string().datetime() (an ISO 8601 string) and convert it after parsing, or z.coerce.date() in a later step.",
  ),
  ZodBigInt: unsupported(
    "is a bigint, which JSON numbers cannot hold",
    "Use z.number().int(), or z.string() and convert it.",
  ),
  ZodUndefined: unsupported("is undefined, which JSON cannot hold", "Make the property .optional() instead."),
  ZodVoid: unsupported("is void, which JSON cannot hold", "Make the property .optional() instead."),
  ZodNaN: unsupported("is NaN, which JSON cannot hold", NO_JSON),
  ZodSymbol: unsupported("is a symbol, which JSON cannot hold", NO_JSON),
  ZodMap: unsupported(
    "is a Map, which JSON has no type for",
    "Use z.record(keySchema, valueSchema) instead.",
  ),
  ZodSet: unsupported("is a Set, which JSON has no type for", "Use z.array(itemSchema) instead."),
  ZodFunction: unsupported("is a function, which JSON cannot hold", NO_JSON),
};
