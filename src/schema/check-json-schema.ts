import type { JsonSchemaObject } from "./zod3-conversion.js";

/** One place where a value fails a JSON Schema: its path (keys and indexes), what is wrong, and the keyword. */
export interface JsonSchemaIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
  /** The keyword that failed: `type`, `required`, `enum`, `const`, `anyOf`, `oneOf`, `additionalProperties`. */
  readonly keyword: JsonSchemaKeyword;
}

/** The keywords {@link checkJsonSchema} checks. */
export type JsonSchemaKeyword =
  | "type"
  | "required"
  | "enum"
  | "const"
  | "anyOf"
  | "oneOf"
  | "additionalProperties";

type Path = readonly (string | number)[];

/** The value's JSON type (`integer` is reported as `number`). */
function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function matchesType(value: unknown, type: unknown): boolean {
  switch (type) {
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    // Any non-array object, not only plain ones: values a caller builds may hold class instances.
    case "object":
      return isObject(value);
    case "array":
    case "string":
    case "boolean":
    case "null":
      return typeOf(value) === type;
    default:
      return true; // an unknown type name is accepted, never refused
  }
}

function show(value: unknown): string {
  return String(JSON.stringify(value));
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  return keysA.every((key) => deepEqual(Reflect.get(a, key), Reflect.get(b, key)));
}

/** A schema found at a keyword, when it is one (an object; `true`/`false` schemas are handled by the caller). */
function subschema(value: unknown): JsonSchemaObject | boolean | undefined {
  if (typeof value === "boolean") return value;
  return isObject(value) ? value : undefined;
}

class Checker {
  readonly issues: JsonSchemaIssue[] = [];
  readonly #root: JsonSchemaObject;
  /** `$ref`s being followed, so a recursive schema with a value that does not descend stops. */
  readonly #following = new Set<string>();

  constructor(root: JsonSchemaObject) {
    this.#root = root;
  }

  check(schema: JsonSchemaObject | boolean, value: unknown, path: Path): void {
    if (schema === true) return;
    if (schema === false) {
      this.issues.push({ path, message: "no value is allowed here", keyword: "type" });
      return;
    }
    if (typeof schema.$ref === "string") this.#checkRef(schema.$ref, value, path);
    if (!this.#checkType(schema, value, path)) return; // the keywords below would repeat the problem
    if (Array.isArray(schema.enum) && !schema.enum.some((option) => deepEqual(option, value))) {
      const options = schema.enum.map(show).join(", ");
      this.issues.push({
        path,
        message: `expected one of ${options}, received ${show(value)}`,
        keyword: "enum",
      });
    }
    if ("const" in schema && !deepEqual(schema.const, value)) {
      this.issues.push({
        path,
        message: `expected ${show(schema.const)}, received ${show(value)}`,
        keyword: "const",
      });
    }
    if (Array.isArray(schema.anyOf)) this.#checkAlternatives(schema.anyOf, value, path, "anyOf");
    if (Array.isArray(schema.oneOf)) this.#checkAlternatives(schema.oneOf, value, path, "oneOf");
    if (Array.isArray(schema.allOf)) {
      for (const part of schema.allOf) {
        const inner = subschema(part);
        if (inner !== undefined) this.check(inner, value, path);
      }
    }
    const items = subschema(schema.items);
    if (Array.isArray(value) && items !== undefined) {
      value.forEach((item, index) => {
        this.check(items, item, [...path, index]);
      });
    }
    if (isObject(value)) this.#checkObject(schema, value, path);
  }

  #checkType(schema: JsonSchemaObject, value: unknown, path: Path): boolean {
    if (schema.type === undefined) return true;
    const types: unknown[] = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (types.some((type) => matchesType(value, type))) return true;
    const expected = types.map(String).join(" or ");
    this.issues.push({ path, message: `expected ${expected}, received ${typeOf(value)}`, keyword: "type" });
    return false;
  }

  #checkAlternatives(options: unknown[], value: unknown, path: Path, keyword: "anyOf" | "oneOf"): void {
    let matches = 0;
    let closest: JsonSchemaIssue[] | undefined;
    for (const option of options) {
      const inner = subschema(option);
      if (inner === undefined) return; // a malformed alternative: accepted, never refused
      const trial = new Checker(this.#root);
      trial.check(inner, value, path);
      if (trial.issues.length === 0) matches += 1;
      // The alternative that got deepest into the value explains the failure best.
      else if (closest === undefined || depth(trial.issues) > depth(closest)) closest = trial.issues;
    }
    if (matches === 0) {
      const typeOnly = closest === undefined || depth(closest) === path.length;
      if (!typeOnly && closest !== undefined) this.issues.push(...closest);
      else {
        const message = `matches none of the ${options.length} allowed shapes (${keyword})`;
        this.issues.push({ path, message, keyword });
      }
    } else if (keyword === "oneOf" && matches > 1) {
      this.issues.push({
        path,
        message: `matches ${matches} of the shapes, but exactly one is allowed (oneOf)`,
        keyword,
      });
    }
  }

  #checkObject(schema: JsonSchemaObject, value: Record<string, unknown>, path: Path): void {
    const properties = isObject(schema.properties) ? schema.properties : {};
    if (Array.isArray(schema.required)) {
      for (const key of schema.required) {
        if (typeof key === "string" && value[key] === undefined) {
          this.issues.push({ path: [...path, key], message: "Field required", keyword: "required" });
        }
      }
    }
    const additional = subschema(schema.additionalProperties);
    for (const [key, item] of Object.entries(value)) {
      const own = Object.hasOwn(properties, key) ? subschema(properties[key]) : undefined;
      if (own !== undefined) {
        if (item !== undefined) this.check(own, item, [...path, key]);
      } else if (additional === false) {
        const message = "unexpected property (additionalProperties is false)";
        this.issues.push({ path: [...path, key], message, keyword: "additionalProperties" });
      } else if (additional !== undefined) {
        this.check(additional, item, [...path, key]);
      }
    }
  }

  /** Follows a local `$ref` (`#/$defs/name`, `#/definitions/name`, `#`); any other reference is accepted. */
  #checkRef(ref: string, value: unknown, path: Path): void {
    const target = resolveLocalRef(this.#root, ref);
    if (target === undefined || this.#following.has(`${ref}@${path.join("/")}`)) return;
    const key = `${ref}@${path.join("/")}`;
    this.#following.add(key);
    this.check(target, value, path);
    this.#following.delete(key);
  }
}

function depth(issues: readonly JsonSchemaIssue[]): number {
  return Math.max(...issues.map((issue) => issue.path.length));
}

function resolveLocalRef(root: JsonSchemaObject, ref: string): JsonSchemaObject | boolean | undefined {
  if (ref === "#") return root;
  if (!ref.startsWith("#/")) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(2).split("/")) {
    const segment = decodeURIComponent(raw).replaceAll("~1", "/").replaceAll("~0", "~");
    if (!isObject(node) || !Object.hasOwn(node, segment)) return undefined;
    node = node[segment];
  }
  return subschema(node);
}

/**
 * Checks a value against a subset of JSON Schema, enough for the inputs Runnables declare and
 * for tool arguments: `type` (one or a list), `properties`, `required`, `additionalProperties`
 * (`false` or a schema), `items` (one schema for every item), `enum`, `const`, `anyOf`, `oneOf`,
 * `allOf`, and local `$ref`s (`#/$defs/...`). Every other keyword (`minimum`, `pattern`,
 * `format`...) is accepted, never refused: a value this accepts may still fail a full
 * validator, never the reverse. Returns every issue found (none when the value is valid), each
 * with the path of keys and indexes where it is.
 *
 * @example
 * checkJsonSchema({ type: "object", properties: { n: { type: "integer" } }, required: ["n"] }, {});
 * // [{ path: ["n"], message: "Field required", keyword: "required" }]
 */
export function checkJsonSchema(schema: JsonSchemaObject | boolean, value: unknown): JsonSchemaIssue[] {
  const checker = new Checker(typeof schema === "boolean" ? {} : schema);
  checker.check(schema, value, []);
  return checker.issues;
}
