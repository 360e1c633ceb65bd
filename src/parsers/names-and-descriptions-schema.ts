import type { StandardSchemaIssue, StandardSchemaV1 } from "../schema/standard-schema.js";

/** A Standard Schema for an object of named strings, with the JSON Schema that describes it. */
export interface NamesAndDescriptionsSchema<K extends string> {
  readonly schema: StandardSchemaV1<unknown, Record<K, string>>;
  readonly jsonSchema: Record<string, unknown>;
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/**
 * The schema `StructuredOutputParser.fromNamesAndDescriptions` validates with: an object whose
 * named members are strings (others are dropped, as zod's `z.object` drops them), with issues
 * worded as zod 3's (`Required`, `Expected string, received number`). Built without zod, which
 * is an optional peer of Rivulet. The JSON Schema is the one `@langchain/core` shows for its
 * zod object, key for key, so format instructions match LangChain's text.
 */
export function namesAndDescriptionsSchema<K extends string>(
  descriptions: Readonly<Record<K, string>>,
): NamesAndDescriptionsSchema<K> {
  const entries: [string, string][] = Object.entries(descriptions);
  const validate = (value: unknown) => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      return { issues: [{ message: `Expected object, received ${describeValue(value)}`, path: [] }] };
    }
    const issues: StandardSchemaIssue[] = [];
    const output: Record<string, string> = {};
    for (const [name] of entries) {
      const member: unknown = Object.hasOwn(value, name) ? Reflect.get(value, name) : undefined;
      if (typeof member === "string") output[name] = member;
      else if (member === undefined) issues.push({ message: "Required", path: [name] });
      else issues.push({ message: `Expected string, received ${describeValue(member)}`, path: [name] });
    }
    if (issues.length > 0) return { issues };
    // Every name of K was checked above to be a string member of the output.
    return { value: output as Record<K, string> };
  };
  const properties: Record<string, unknown> = {};
  for (const [name, description] of entries) properties[name] = { type: "string", description };
  const jsonSchema = {
    type: "object",
    properties,
    required: entries.map(([name]) => name),
    additionalProperties: false,
    $schema: "http://json-schema.org/draft-07/schema#",
  };
  return { schema: { "~standard": { version: 1, vendor: "rivulet", validate } }, jsonSchema };
}
