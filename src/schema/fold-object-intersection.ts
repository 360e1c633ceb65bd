import type { JsonSchemaObject } from "./zod3-conversion.js";

const FOLDABLE_KEYWORDS = new Set(["type", "properties", "required", "additionalProperties"]);

function isFoldable(member: unknown): member is JsonSchemaObject {
  if (typeof member !== "object" || member === null || Reflect.get(member, "type") !== "object") return false;
  return Object.keys(member).every((keyword) => FOLDABLE_KEYWORDS.has(keyword));
}

/**
 * The one object an intersection of plain object schemas describes (properties and `required`
 * joined), or undefined when the members are not that simple (other keywords, a shared
 * property, different `additionalProperties`): then the `allOf` stays. It matters on the output
 * side, where every member is closed (`additionalProperties: false`): an `allOf` of closed
 * objects accepts nothing with the keys of both, while the folded object is what zod accepts.
 */
export function foldObjectIntersection(members: readonly unknown[]): JsonSchemaObject | undefined {
  if (members.length === 0 || !members.every(isFoldable)) return undefined;
  const extras = new Set(members.map((member) => JSON.stringify(member.additionalProperties ?? null)));
  if (extras.size !== 1) return undefined;
  const properties: JsonSchemaObject = {};
  const required: unknown[] = [];
  for (const member of members) {
    const own = member.properties;
    if (typeof own === "object" && own !== null) {
      for (const [key, value] of Object.entries(own)) {
        if (Object.hasOwn(properties, key)) return undefined;
        Object.defineProperty(properties, key, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
    }
    if (Array.isArray(member.required)) required.push(...member.required);
  }
  const folded: JsonSchemaObject = { type: "object", properties };
  if (required.length > 0) folded.required = [...new Set(required)];
  const extra = members[0]?.additionalProperties;
  if (extra !== undefined) folded.additionalProperties = extra;
  return folded;
}
