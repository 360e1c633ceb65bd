import { type JsonSchemaObject, withDescription, type Zod3Conversion } from "./zod3-conversion.js";
import { defField, type Zod3Schema } from "./zod3-schema.js";

/** One entry of a zod 3 string's `checks`: `{ kind: "min", value: 3 }`, `{ kind: "regex", regex }`... */
interface StringCheck {
  readonly kind?: unknown;
  readonly value?: unknown;
  readonly regex?: unknown;
  readonly version?: unknown;
  readonly local?: unknown;
}

/** zod 3 check kinds that are a JSON Schema `format`, under zod 4's names for them. */
const FORMATS: Readonly<Record<string, string>> = {
  email: "email",
  url: "uri",
  uuid: "uuid",
  cuid: "cuid",
  cuid2: "cuid2",
  ulid: "ulid",
  nanoid: "nanoid",
  emoji: "emoji",
  date: "date",
  duration: "duration",
  base64: "base64",
  base64url: "base64url",
  jwt: "jwt",
};

/** What a string's checks add up to (formats last-wins, lengths narrowed, patterns collected). */
interface StringConstraints {
  minLength?: number;
  maxLength?: number;
  format?: string;
  patterns: string[];
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The format of a check whose format depends on its options (`datetime`, `ip`, `cidr`). */
function optionFormat(check: StringCheck, kind: string): string | undefined {
  if (kind === "datetime") return check.local === true ? undefined : "date-time";
  if (kind !== "ip" && kind !== "cidr") return undefined;
  const prefix = kind === "ip" ? "ip" : "cidr";
  return check.version === "v4" || check.version === "v6" ? `${prefix}${check.version}` : undefined;
}

function pattern(check: StringCheck, kind: string): string | undefined {
  const text = typeof check.value === "string" ? escapeRegex(check.value) : undefined;
  if (kind === "regex") return check.regex instanceof RegExp ? check.regex.source : undefined;
  if (text === undefined) return undefined;
  if (kind === "startsWith") return `^${text}.*`;
  if (kind === "endsWith") return `.*${text}$`;
  return kind === "includes" ? text : undefined;
}

function addCheck(constraints: StringConstraints, check: StringCheck): void {
  const kind = typeof check.kind === "string" ? check.kind : "";
  const value = typeof check.value === "number" ? check.value : undefined;
  if (value !== undefined && (kind === "min" || kind === "length")) {
    constraints.minLength = Math.max(constraints.minLength ?? value, value);
  }
  if (value !== undefined && (kind === "max" || kind === "length")) {
    constraints.maxLength = Math.min(constraints.maxLength ?? value, value);
  }
  const format = FORMATS[kind] ?? optionFormat(check, kind);
  if (format !== undefined) constraints.format = format;
  const source = pattern(check, kind);
  if (source !== undefined && !constraints.patterns.includes(source)) constraints.patterns.push(source);
  // trim, toLowerCase, toUpperCase and `time` (zod 4 writes no format for it either) add nothing.
}

/**
 * The JSON Schema of a `ZodString`, keyword for keyword as zod 4 writes the same schema, except
 * that formats come without zod's own regular expressions (zod 3 does not expose them; zod 4
 * adds them as `pattern`).
 */
export function zod3StringJsonSchema(schema: Zod3Schema, conversion: Zod3Conversion): JsonSchemaObject {
  const checks = defField(schema._def, "checks");
  const constraints: StringConstraints = { patterns: [] };
  for (const check of Array.isArray(checks) ? checks : []) {
    if (typeof check === "object" && check !== null) addCheck(constraints, check);
  }
  const json: JsonSchemaObject = { type: "string" };
  if (constraints.minLength !== undefined) json.minLength = constraints.minLength;
  if (constraints.maxLength !== undefined) json.maxLength = constraints.maxLength;
  if (constraints.format !== undefined) json.format = constraints.format;
  if (constraints.format === "base64" || constraints.format === "base64url") {
    json.contentEncoding = constraints.format;
  }
  const [first, ...more] = constraints.patterns;
  if (first !== undefined && more.length === 0) json.pattern = first;
  if (more.length > 0) {
    // Several patterns must all match: one `pattern` keyword cannot say that.
    const typed = conversion.target !== "draft-2020-12";
    json.allOf = constraints.patterns.map((source) =>
      typed ? { type: "string", pattern: source } : { pattern: source },
    );
  }
  return withDescription(json, schema._def);
}
