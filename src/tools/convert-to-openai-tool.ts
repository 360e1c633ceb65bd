import type { ToJsonSchemaOptions } from "./schema-to-json-schema.js";
import type { ToolDescriptor } from "./tool-to-json-schema.js";
import type { JsonSchema } from "./validate-json-schema.js";

/** A function as OpenAI-style chat APIs declare it (`tools[].function`). */
export interface OpenAIFunctionDefinition {
  name: string;
  description: string;
  parameters: JsonSchema;
  /** OpenAI's strict mode; set only when asked for. */
  strict?: boolean;
}

/** A tool as OpenAI-style chat APIs declare it: `{ type: "function", function }`. */
export interface OpenAIToolDefinition {
  type: "function";
  function: OpenAIFunctionDefinition;
}

/** Options of {@link convertToOpenAITool} and {@link convertToOpenAIFunction}. */
export interface ConvertToOpenAIToolOptions extends ToJsonSchemaOptions {
  /**
   * Sets `strict` on the definition. The schema is not rewritten: OpenAI's strict mode also wants
   * `additionalProperties: false` and every property required at each level.
   */
  strict?: boolean;
}

function isOpenAIToolDefinition(value: unknown): value is OpenAIToolDefinition {
  const v = value as { type?: unknown; function?: unknown } | null;
  return typeof v === "object" && v !== null && v.type === "function" && typeof v.function === "object";
}

/**
 * A tool's `{ name, description, parameters }`, the function part of an OpenAI tool definition
 * (`parameters` is what `toolToJsonSchema` returns).
 */
export function convertToOpenAIFunction(
  tool: ToolDescriptor,
  options: ConvertToOpenAIToolOptions = {},
): OpenAIFunctionDefinition {
  const { strict, ...schemaOptions } = options;
  const fn: OpenAIFunctionDefinition = {
    name: tool.name,
    description: tool.description,
    parameters: tool.getJsonSchema(schemaOptions),
  };
  if (strict !== undefined) fn.strict = strict;
  return fn;
}

/**
 * A tool as OpenAI-style chat APIs declare it, `{ type: "function", function: { name,
 * description, parameters } }`; a definition already in that shape is returned as is. Providers
 * call it for each tool bound to a model.
 *
 * @example
 * convertToOpenAITool(getWeather);
 * // { type: "function", function: { name: "get_weather", description: "...", parameters: { type: "object", ... } } }
 */
export function convertToOpenAITool(
  tool: ToolDescriptor | OpenAIToolDefinition,
  options: ConvertToOpenAIToolOptions = {},
): OpenAIToolDefinition {
  if (isOpenAIToolDefinition(tool)) return tool;
  return { type: "function", function: convertToOpenAIFunction(tool, options) };
}
