import type { ToolChoice, ToolDefinition } from "../base/tool-definition.js";
import type { JsonRecord } from "../internal/json-value.js";

/** A tool in Messages API format: `{ name, description, input_schema }`. */
export function toAnthropicTool(tool: ToolDefinition): JsonRecord {
  return { name: tool.name, description: tool.description, input_schema: tool.parameters };
}

/** A tool choice in Messages API format: `{ type: "auto" | "any" | "none" }` or `{ type: "tool", name }`. */
export function toAnthropicToolChoice(choice: ToolChoice): JsonRecord {
  if (typeof choice !== "string") return choice;
  if (choice === "auto" || choice === "none" || choice === "any") return { type: choice };
  if (choice === "required") return { type: "any" };
  return { type: "tool", name: choice };
}
