import { compactTypeUnion } from "./compact-type-union.js";
import {
  asZod3Schema,
  type JsonSchemaObject,
  schemaField,
  unsupportedZod3,
  wrapInner,
  type Zod3Converter,
} from "./zod3-conversion.js";
import { defField } from "./zod3-schema.js";

/** A wrapper that adds nothing of its own: the inner schema in `field`, with the wrapper's description. */
function transparent(field: string): Zod3Converter {
  return (schema, conversion, path) =>
    wrapInner({}, schema, schemaField(schema._def, field, path), conversion, path);
}

/**
 * A value as JSON (what `default` may hold), or undefined when there is none; a bigint is
 * reported, since JSON has no form for it.
 */
function jsonValue(value: unknown, construct: string, path: string): unknown {
  const text = JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item === "bigint") {
      throw unsupportedZod3(construct, path, "has a bigint value", "Give it a number or string value.");
    }
    return item;
  });
  return text === undefined ? undefined : JSON.parse(text);
}

/** `ZodDefault` and `ZodCatch`: `default` (the value now: zod 3 keeps a function), then the inner schema. */
function defaulted(field: "defaultValue" | "catchValue"): Zod3Converter {
  return (schema, conversion, path) => {
    const def = schema._def;
    const make = defField(def, field);
    let value: unknown;
    try {
      value = typeof make === "function" ? make({ error: undefined, input: undefined }) : make;
    } catch (cause) {
      const fix = "Give it a fixed value, or pass a JSON Schema object.";
      throw unsupportedZod3(def.typeName, path, "computes its value from the failed input", fix, cause);
    }
    const json = jsonValue(value, def.typeName, path);
    const own: JsonSchemaObject = json === undefined ? {} : { default: json };
    return wrapInner(own, schema, schemaField(def, "innerType", path), conversion, path);
  };
}

/** `ZodNullable`: `anyOf` with `null` (compacted when bare), or OpenAPI 3.0's `nullable: true`. */
const nullable: Zod3Converter = (schema, conversion, path) => {
  const inner = schemaField(schema._def, "innerType", path);
  if (conversion.target === "openapi-3.0")
    return wrapInner({ nullable: true }, schema, inner, conversion, path);
  const json: JsonSchemaObject = {};
  const description = schema._def.description;
  if (typeof description === "string" && description !== inner._def.description)
    json.description = description;
  json.anyOf = [conversion.convert(inner, path), { type: "null" }];
  compactTypeUnion(json);
  return json;
};

/**
 * `ZodEffects`: a refinement or a preprocess describes its inner schema; a transform describes
 * it on the input side only, since what it returns has no schema.
 */
const effects: Zod3Converter = (schema, conversion, path) => {
  const effect = defField(schema._def, "effect");
  const kind = typeof effect === "object" && effect !== null ? Reflect.get(effect, "type") : undefined;
  if (kind === "transform" && conversion.io === "output") {
    throw unsupportedZod3(
      "a transform",
      path,
      "has an output JSON Schema cannot describe",
      "Give the model the schema without .transform() and transform the parsed value in a step after it, or pass a JSON Schema object.",
    );
  }
  return wrapInner({}, schema, schemaField(schema._def, "schema", path), conversion, path);
};

/** `ZodPipeline`: its input schema on the input side, its output schema on the output side. */
const pipeline: Zod3Converter = (schema, conversion, path) =>
  wrapInner(
    {},
    schema,
    schemaField(schema._def, conversion.io === "input" ? "in" : "out", path),
    conversion,
    path,
  );

/** `ZodLazy`: the schema it returns, once; a schema that contains itself is reported. */
const lazy: Zod3Converter = (schema, conversion, path) => {
  if (conversion.expanding.has(schema)) {
    throw unsupportedZod3(
      "ZodLazy",
      path,
      "contains itself, and this converter writes no $ref for recursive schemas",
      "Pass a JSON Schema object using $defs and $ref, or build the schema with zod 4, whose converter handles recursion.",
    );
  }
  const getter = defField(schema._def, "getter");
  const inner: unknown = typeof getter === "function" ? getter() : undefined;
  conversion.expanding.add(schema);
  try {
    return wrapInner({}, schema, asZod3Schema(inner, schema._def, "getter", path), conversion, path);
  } finally {
    conversion.expanding.delete(schema);
  }
};

/** `ZodReadonly`: `readOnly: true`, then the inner schema. */
const readonly: Zod3Converter = (schema, conversion, path) =>
  wrapInner({ readOnly: true }, schema, schemaField(schema._def, "innerType", path), conversion, path);

/** The converters of zod 3's wrapper types (optional, nullable, default...), by `typeName`. */
export const ZOD3_WRAPPER_CONVERTERS: Readonly<Record<string, Zod3Converter>> = {
  ZodOptional: transparent("innerType"),
  ZodNullable: nullable,
  ZodDefault: defaulted("defaultValue"),
  ZodCatch: defaulted("catchValue"),
  ZodReadonly: readonly,
  ZodBranded: transparent("type"),
  ZodPromise: transparent("type"),
  ZodEffects: effects,
  ZodPipeline: pipeline,
  ZodLazy: lazy,
};
