import type { OpenAIFunctionDefinition, OpenAIToolDefinition } from "./openai-tool-definition.js";
import type { ToJsonSchemaOptions } from "./schema-to-json-schema.js";
import type { ToolDescriptor } from "./tool-to-json-schema.js";

/** Options of {@link convertToOpenAITool} and {@link convertToOpenAIFunction}. */
export interface ConvertToOpenAIToolOptions extends ToJsonSchemaOptions {
  /**
   * Sets `strict` on the definition. The schema is not rewritten: OpenAI's strict mode also wants
   * `additionalProperties: false` and every property required at each level.
   */
  strict?: boolean;
}

function isOpenAIToolDefinition(value: unknown): value is OpenAIToolDefinition {
  return (
    typeof value === "object" &&
    value !== null &&
    Reflect.get(value, "type") === "function" &&
    typeof Reflect.get(value, "function") === "object"
  );
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
 * The OpenAI tool for a function definition (one from `convertToOpenAIFunction`, or a tool a
 * provider has normalised, such as the `ToolDefinition`s of `callTools`), with only the fields
 * OpenAI-style APIs take (`strict` only when set). The one place the `{ type: "function",
 * function }` envelope is built: `convertToOpenAITool` and the OpenAI-format providers use it,
 * and `rivulet/providers/openai` exports it for providers built on the public base.
 *
 * @example
 * toOpenAITool({ name: "search", description: "Searches", parameters: { type: "object" } });
 * // { type: "function", function: { name: "search", description: "Searches", parameters: { type: "object" } } }
 */
export function toOpenAITool(definition: OpenAIFunctionDefinition): OpenAIToolDefinition {
  const fn: OpenAIFunctionDefinition = {
    name: definition.name,
    description: definition.description,
    parameters: definition.parameters,
  };
  if (definition.strict !== undefined) fn.strict = definition.strict;
  return { type: "function", function: fn };
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
  return toOpenAITool(convertToOpenAIFunction(tool, options));
}
