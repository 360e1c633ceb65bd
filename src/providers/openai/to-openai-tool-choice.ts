import type { ToolChoice } from "../../models/tool-definition.js";
import type { JsonRecord } from "../internal/json-value.js";

/** A tool choice in Chat Completions format: `"auto"`, `"none"`, `"required"` (also for `"any"`), or one named function. */
export function toOpenAIToolChoice(choice: ToolChoice): string | JsonRecord {
  if (typeof choice !== "string") return choice;
  if (choice === "any") return "required";
  if (choice === "auto" || choice === "none" || choice === "required") return choice;
  return { type: "function", function: { name: choice } };
}
