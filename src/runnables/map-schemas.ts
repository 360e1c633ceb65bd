import type { RunnableSchema } from "../schema/runnable-schema.js";
import type { JsonSchemaObject } from "../schema/zod3-conversion.js";
import type { Runnable } from "./runnable.js";

/**
 * A map's output schema: an object with one required property per branch, each its branch's
 * output JSON Schema (`{}`, any value, for a branch that does not know it). Known when at least
 * one branch's is.
 */
export function mapOutputSchema(steps: Readonly<Record<string, Runnable>>): RunnableSchema | undefined {
  const properties: Record<string, JsonSchemaObject> = {};
  let known = false;
  for (const [key, step] of Object.entries(steps)) {
    const schema = step.getOutputSchema();
    known ||= schema !== undefined;
    Object.defineProperty(properties, key, { value: schema?.jsonSchema ?? {}, enumerable: true });
  }
  if (!known) return undefined;
  return { jsonSchema: { type: "object", properties, required: Object.keys(properties) } };
}

function objectProperties(schema: JsonSchemaObject): Record<string, unknown> | undefined {
  const properties = schema.properties;
  const isObject = typeof properties === "object" && properties !== null && !Array.isArray(properties);
  return schema.type === "object" && isObject ? { ...properties } : undefined;
}

/**
 * A map's input schema, from the branches that know theirs (every branch gets the same input):
 * none, unknown; one, its schema; several object schemas, one object with all their properties
 * and required keys; anything else, unknown (no single schema says it).
 */
export function mapInputSchema(steps: Readonly<Record<string, Runnable>>): RunnableSchema | undefined {
  const known = Object.values(steps).flatMap((step) => step.getInputSchema() ?? []);
  if (known.length <= 1) return known[0];
  const properties: Record<string, unknown> = {};
  const required = new Set<string>();
  for (const schema of known) {
    const own = objectProperties(schema.jsonSchema);
    if (own === undefined) return undefined;
    Object.assign(properties, own);
    const names = schema.jsonSchema.required;
    if (Array.isArray(names)) for (const name of names) if (typeof name === "string") required.add(name);
  }
  return { jsonSchema: { type: "object", properties, required: [...required] } };
}
