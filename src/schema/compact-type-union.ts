import type { JsonSchemaObject } from "./zod3-conversion.js";

function isSchemaObject(value: unknown): value is JsonSchemaObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Rewrites `anyOf: [{ type: "a" }, { type: "b" }]` as `type: ["a", "b"]` in place, as zod 4
 * does (`z.string().nullable()` gives `type: ["string", "null"]`): the two say the same in every
 * draft and read better. Only branches that are nothing but a `type` qualify; nested unions
 * are compacted first. Not for OpenAPI 3.0, whose `type` is one string.
 */
export function compactTypeUnion(schema: JsonSchemaObject): void {
  const options = schema.anyOf;
  if (!Array.isArray(options) || options.length === 0 || schema.type !== undefined) return;
  const types: string[] = [];
  for (const option of options) {
    if (!isSchemaObject(option)) return;
    compactTypeUnion(option);
    const keys = Object.keys(option);
    if (keys.length !== 1 || keys[0] !== "type") return;
    const type = option.type;
    for (const member of Array.isArray(type) ? type : [type]) {
      if (typeof member !== "string") return;
      if (!types.includes(member)) types.push(member);
    }
  }
  delete schema.anyOf;
  schema.type = types.length === 1 ? types[0] : types;
}
