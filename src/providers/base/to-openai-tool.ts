import type { JsonRecord } from "./json-record.js";
import type { ToolDefinition } from "./tool-definition.js";

/**
 * A tool in OpenAI's function format, `{ type: "function", function: { name, description, parameters } }`,
 * which Chat Completions, OpenAI-compatible servers and Ollama all take.
 */
export function toOpenAITool(tool: ToolDefinition): JsonRecord {
  const fn: JsonRecord = { name: tool.name, description: tool.description, parameters: tool.parameters };
  if (tool.strict !== undefined) fn.strict = tool.strict;
  return { type: "function", function: fn };
}
