import { type JsonSchemaObject, withDescription, type Zod3Conversion } from "./zod3-conversion.js";
import { defField, type Zod3Schema } from "./zod3-schema.js";

/** One entry of a zod 3 number's `checks`: `{ kind: "min", value: 0, inclusive: false }`, `{ kind: "int" }`... */
interface NumberCheck {
  readonly kind?: unknown;
  readonly value?: unknown;
  readonly inclusive?: unknown;
}

/** The bounds a number's checks add up to: the tightest of each kind, as zod 4 narrows them. */
interface NumberBounds {
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  exclusiveMaximum?: number;
  divisors: number[];
  integer: boolean;
}

function addCheck(bounds: NumberBounds, check: NumberCheck): void {
  const value = typeof check.value === "number" ? check.value : undefined;
  if (check.kind === "int") bounds.integer = true;
  if (value === undefined) return;
  if (check.kind === "min") {
    const key = check.inclusive === false ? "exclusiveMinimum" : "minimum";
    bounds[key] = Math.max(bounds[key] ?? value, value);
  } else if (check.kind === "max") {
    const key = check.inclusive === false ? "exclusiveMaximum" : "maximum";
    bounds[key] = Math.min(bounds[key] ?? value, value);
  } else if (check.kind === "multipleOf" && !bounds.divisors.includes(Math.abs(value))) {
    bounds.divisors.push(Math.abs(value));
  }
}

/** Writes the lower or upper bound: the exclusive one when it is the tighter, in the target's spelling. */
function writeBound(
  json: JsonSchemaObject,
  side: "minimum" | "maximum",
  inclusive: number | undefined,
  exclusive: number | undefined,
  conversion: Zod3Conversion,
): void {
  const tighter =
    exclusive !== undefined &&
    (inclusive === undefined || (side === "minimum" ? exclusive >= inclusive : exclusive <= inclusive));
  const exclusiveKey = side === "minimum" ? "exclusiveMinimum" : "exclusiveMaximum";
  if (!tighter) {
    if (inclusive !== undefined) json[side] = inclusive;
  } else if (conversion.target === "openapi-3.0") {
    // OpenAPI 3.0 (JSON Schema draft 4) spells an exclusive bound as the bound plus a flag.
    json[side] = exclusive;
    json[exclusiveKey] = true;
  } else {
    json[exclusiveKey] = exclusive;
  }
}

/**
 * The JSON Schema of a `ZodNumber`, as zod 4 writes the same schema, except that `.int()` gives
 * `type: "integer"` alone (zod 4 also writes the safe-integer range, which zod 3 does not check).
 */
export function zod3NumberJsonSchema(schema: Zod3Schema, conversion: Zod3Conversion): JsonSchemaObject {
  const checks = defField(schema._def, "checks");
  const bounds: NumberBounds = { divisors: [], integer: false };
  for (const check of Array.isArray(checks) ? checks : []) {
    if (typeof check === "object" && check !== null) addCheck(bounds, check);
  }
  const json: JsonSchemaObject = { type: bounds.integer ? "integer" : "number" };
  writeBound(json, "minimum", bounds.minimum, bounds.exclusiveMinimum, conversion);
  writeBound(json, "maximum", bounds.maximum, bounds.exclusiveMaximum, conversion);
  const [divisor, ...more] = bounds.divisors.filter((value) => Number.isFinite(value) && value !== 0);
  if (divisor !== undefined) json.multipleOf = divisor;
  if (more.length > 0) json.allOf = more.map((value) => ({ multipleOf: value }));
  return withDescription(json, schema._def);
}
