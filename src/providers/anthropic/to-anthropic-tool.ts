import { InvalidInputError } from "../../errors/input-errors.js";
import type { ToolChoice, ToolDefinition } from "../../models/tool-definition.js";
import type { JsonRecord } from "../internal/json-value.js";

/**
 * A tool in Messages API format: `{ name, description, input_schema }`. A tool asking for
 * `strict` is refused: this client does not send Anthropic's strict tool mode, and dropping the
 * flag would let a caller believe the schema is enforced.
 */
export function toAnthropicTool(tool: ToolDefinition): JsonRecord {
  if (tool.strict !== undefined) {
    throw new InvalidInputError(
      `Tool "${tool.name}" sets strict, which ChatAnthropic does not send: leave strict out (the schema is still shown to the model)`,
    );
  }
  return { name: tool.name, description: tool.description, input_schema: tool.parameters };
}

/** A tool choice in Messages API format: `{ type: "auto" | "any" | "none" }` or `{ type: "tool", name }`. */
export function toAnthropicToolChoice(choice: ToolChoice): JsonRecord {
  if (typeof choice !== "string") return choice;
  if (choice === "auto" || choice === "none" || choice === "any") return { type: choice };
  if (choice === "required") return { type: "any" };
  return { type: "tool", name: choice };
}
