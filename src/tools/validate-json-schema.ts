import type { ToolInputIssue } from "../errors/tool-input-error.js";

/**
 * A JSON Schema object, as tools accept it for their arguments. Only the keywords listed in
 * {@link validateJsonSchema} are checked; any other keyword (`description`, `default`,
 * `minimum`...) is kept, passed to models unchanged, and ignored by validation.
 */
export interface JsonSchema {
  type?: JsonSchemaType | JsonSchemaType[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  description?: string;
  [keyword: string]: unknown;
}

/** The `type` values a {@link JsonSchema} may name. */
export type JsonSchemaType = "object" | "array" | "string" | "number" | "integer" | "boolean" | "null";

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

function matchesType(value: unknown, type: JsonSchemaType): boolean {
  switch (type) {
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "object":
      // Any non-array object, as `typeOf` reports it, not only plain ones: args a caller builds
      // may hold class instances (a Date), which validate as objects.
      return typeof value === "object" && value !== null && !Array.isArray(value);
    default:
      return typeOf(value) === type;
  }
}

function join(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  return path === "" ? key : `${path}.${key}`;
}

function show(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : String(JSON.stringify(value));
}

/** Checks one value against one schema, appending what is wrong to `issues`. */
function check(schema: JsonSchema, value: unknown, path: string, issues: ToolInputIssue[]): void {
  const at = path === "" ? "(root)" : path;
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((t) => matchesType(value, t))) {
      issues.push({ path: at, message: `expected ${types.join(" or ")}, received ${typeOf(value)}` });
      return; // the keywords below would only repeat the same problem
    }
  }
  if (schema.enum !== undefined && !schema.enum.some((option) => deepEqual(option, value))) {
    issues.push({
      path: at,
      message: `expected one of ${schema.enum.map(show).join(", ")}, received ${show(value)}`,
    });
  }
  if (schema.const !== undefined && !deepEqual(schema.const, value)) {
    issues.push({ path: at, message: `expected ${show(schema.const)}, received ${show(value)}` });
  }
  if (Array.isArray(value) && schema.items !== undefined) {
    const items = schema.items;
    value.forEach((item, i) => {
      check(items, item, join(path, i), issues);
    });
  }
  if (matchesType(value, "object")) checkObject(schema, value as Record<string, unknown>, path, issues);
}

function checkObject(
  schema: JsonSchema,
  value: Record<string, unknown>,
  path: string,
  issues: ToolInputIssue[],
): void {
  const properties = schema.properties ?? {};
  for (const key of schema.required ?? []) {
    if (value[key] === undefined) issues.push({ path: join(path, key), message: "required, but missing" });
  }
  for (const [key, item] of Object.entries(value)) {
    const own = Object.hasOwn(properties, key) ? properties[key] : undefined;
    if (own !== undefined) {
      if (item !== undefined) check(own, item, join(path, key), issues);
    } else if (schema.additionalProperties === false) {
      issues.push({ path: join(path, key), message: "unexpected property (additionalProperties is false)" });
    } else if (typeof schema.additionalProperties === "object") {
      check(schema.additionalProperties, item, join(path, key), issues);
    }
  }
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual(Reflect.get(a, k), Reflect.get(b, k)));
}

/**
 * Validates a value against a practical subset of JSON Schema, enough for tool arguments:
 * `type` (one or a list of object, array, string, number, integer, boolean, null), `properties`,
 * `required`, `additionalProperties` (`false` or a schema), `items` (one schema for every item),
 * `enum` and `const`. Other keywords (`anyOf`, `$ref`, `minimum`, `pattern`, `format`...) are not
 * checked: use a Standard Schema library such as zod when they matter. Returns every issue
 * found (an empty list when the value is valid), each with its path (`tags[2]`, `user.name`,
 * `(root)`).
 *
 * @example
 * validateJsonSchema({ type: "object", properties: { n: { type: "integer" } }, required: ["n"] }, {});
 * // [{ path: "n", message: "required, but missing" }]
 */
export function validateJsonSchema(schema: JsonSchema, value: unknown): ToolInputIssue[] {
  const issues: ToolInputIssue[] = [];
  check(schema, value, "", issues);
  return issues;
}
