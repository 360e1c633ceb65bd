import { InvalidInputError } from "../errors/input-errors.js";
import { isNonArrayObject } from "../internal/is-non-array-object.js";
import { isStandardSchema } from "../schema/is-standard-schema.js";
import type { StandardSchemaV1 } from "../schema/standard-schema.js";
import { convertToOpenAIFunction } from "../tools/convert-to-openai-tool.js";
import { schemaToJsonSchema } from "../tools/schema-to-json-schema.js";
import type { ToolDescriptor } from "../tools/tool-to-json-schema.js";
import type { JsonRecord } from "./json-record.js";

/**
 * A Rivulet tool (`tool()`, `StructuredTool`) or anything else with a name, a description and a
 * JSON Schema getter (the tools module's `ToolDescriptor`).
 */
export interface JsonSchemaTool {
  name: string;
  description?: string;
  getJsonSchema(): object;
}

/**
 * A tool already in OpenAI's Chat Completions format, as `bindTools` accepts it: the shape of
 * `OpenAIToolDefinition` (what `convertToOpenAITool` returns), with `description` and
 * `parameters` optional as the API allows. Providers normalise it to a {@link ToolDefinition}.
 */
export interface OpenAIFunctionTool {
  type: "function";
  function: { name: string; description?: string; parameters?: object; strict?: boolean };
}

/** A plain function description: name, description and the arguments' JSON Schema. */
export interface FunctionDefinition {
  name: string;
  description?: string;
  parameters: object;
}

/** A tool already in Anthropic's Messages format. */
export interface AnthropicToolDefinition {
  name: string;
  description?: string;
  input_schema: object;
}

/**
 * A tool from another library that keeps its arguments' schema in `schema`, a Standard Schema
 * (zod) or a JSON Schema object: `@langchain/core`'s `tool()` and `StructuredTool` are bound as
 * they are.
 */
export interface SchemaTool {
  name: string;
  description?: string;
  schema: StandardSchemaV1 | object;
}

/**
 * Anything `bindTools` accepts: Rivulet tools, OpenAI-formatted tools, plain
 * `{ name, description, parameters }`, Anthropic-formatted `{ name, description, input_schema }`
 * and tools with a `schema` ({@link SchemaTool}, such as LangChain's).
 */
export type BindableTool =
  | JsonSchemaTool
  | OpenAIFunctionTool
  | FunctionDefinition
  | AnthropicToolDefinition
  | SchemaTool;

/** A tool reduced to what every provider needs; each provider formats it its own way. */
export interface ToolDefinition {
  name: string;
  description: string;
  parameters: JsonRecord;
  strict?: boolean;
}

/** The value if it is a string. */
function stringOf(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

const EMPTY_OBJECT_SCHEMA: JsonRecord = { type: "object", properties: {} };

function schemaObject(value: unknown, name: string): JsonRecord {
  if (value === undefined) return { ...EMPTY_OBJECT_SCHEMA };
  if (!isNonArrayObject(value))
    throw new InvalidInputError(`Tool "${name}" has a schema that is not a JSON Schema object`);
  // Providers want the bare schema object; a `$schema` dialect marker only confuses some of them.
  const { $schema: _, ...rest } = value;
  return rest;
}

function fromOpenAIFormat(fn: JsonRecord): ToolDefinition {
  const name = stringOf(fn.name) ?? "";
  const definition: ToolDefinition = {
    name,
    description: stringOf(fn.description) ?? "",
    parameters: schemaObject(fn.parameters, name),
  };
  if (typeof fn.strict === "boolean") definition.strict = fn.strict;
  return definition;
}

/**
 * Normalises one tool given to `bindTools` into a {@link ToolDefinition}. Throws an
 * `InvalidInputError` naming what is missing when the value is none of the accepted shapes.
 */
export function toToolDefinition(tool: BindableTool | JsonRecord): ToolDefinition {
  if (!isNonArrayObject(tool))
    throw new InvalidInputError(`bindTools expects tool objects, got ${typeof tool}`);
  if (tool.type === "function" && isNonArrayObject(tool.function)) return fromOpenAIFormat(tool.function);
  const name = stringOf(tool.name);
  if (name === undefined || name === "") {
    throw new InvalidInputError("bindTools got a tool without a name: give each tool a `name`");
  }
  const description = stringOf(tool.description) ?? "";
  if (typeof tool.getJsonSchema === "function") {
    // The tools module owns how a tool's schema becomes JSON Schema; reuse its OpenAI conversion.
    const fn = convertToOpenAIFunction(tool as unknown as ToolDescriptor);
    return { name, description, parameters: schemaObject(fn.parameters, name) };
  }
  const schema = tool.parameters ?? tool.input_schema;
  if (schema !== undefined) return fromOpenAIFormat({ ...tool, parameters: schema });
  // A tool from another library that keeps its arguments' schema in `schema` (`@langchain/core`'s
  // tool() and StructuredTool: zod or JSON Schema), bound as it is.
  if (isStandardSchema(tool.schema) || isNonArrayObject(tool.schema)) {
    return { name, description, parameters: schemaObject(schemaToJsonSchema(tool.schema), name) };
  }
  throw new InvalidInputError(
    `Tool "${name}" has no JSON Schema: give it \`parameters\` (or \`input_schema\`), or use tool() from rivulet`,
  );
}

/**
 * Which tool the model must call: `"auto"` (it decides), `"none"`, `"required"` or `"any"` (some
 * tool), a tool's name, or a provider-specific object passed through as is.
 */
export type ToolChoice = "auto" | "none" | "required" | "any" | (string & {}) | JsonRecord;

/** Options of `bindTools`. */
export interface BindToolsOptions {
  /** Which tool the model must call (`"auto"`, `"none"`, `"required"`/`"any"`, or a tool name). */
  tool_choice?: ToolChoice | undefined;
  /** Same as `tool_choice`, camel-cased. */
  toolChoice?: ToolChoice | undefined;
}
