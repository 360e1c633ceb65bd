import type { JsonSchema } from "./validate-json-schema.js";

/**
 * A function as OpenAI-style chat APIs declare it (`tools[].function`): what
 * `convertToOpenAIFunction` returns and what the OpenAI-format providers (Chat Completions,
 * OpenAI-compatible servers, Ollama) send.
 */
export interface OpenAIFunctionDefinition {
  name: string;
  description: string;
  parameters: JsonSchema;
  /** OpenAI's strict mode; set only when asked for. */
  strict?: boolean;
}

/**
 * A tool as OpenAI-style chat APIs declare it, `{ type: "function", function }`: what
 * `convertToOpenAITool` returns and what the OpenAI-format providers send for each bound tool.
 */
export interface OpenAIToolDefinition {
  type: "function";
  function: OpenAIFunctionDefinition;
}
