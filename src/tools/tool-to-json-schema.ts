import type { ToJsonSchemaOptions } from "./schema-to-json-schema.js";
import type { JsonSchema } from "./validate-json-schema.js";

/** What describes a tool to a model: any `StructuredTool` (including one from another package copy). */
export interface ToolDescriptor {
  name: string;
  description: string;
  getJsonSchema(options?: ToJsonSchemaOptions): JsonSchema;
}

/**
 * The JSON Schema of a tool's arguments, as providers send it to models. Synchronous: a zod 4
 * schema converts itself (its Standard JSON Schema interface), a JSON Schema is copied, a tool
 * without a schema gives `{ type: "object", properties: { input: { type: "string" } }, required: ["input"] }`.
 * Throws `InvalidInputError` for a schema library that cannot produce JSON Schema.
 *
 * @example
 * toolToJsonSchema(getWeather); // { type: "object", properties: { city: { type: "string" } }, required: ["city"] }
 */
export function toolToJsonSchema(tool: ToolDescriptor, options?: ToJsonSchemaOptions): JsonSchema {
  return tool.getJsonSchema(options);
}
