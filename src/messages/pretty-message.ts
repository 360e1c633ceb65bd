import type { MessageContent } from "./content-block.js";
import { contentText } from "./content-block.js";
import type { ToolCall } from "./tool-call.js";

// The title bar's width, as @langchain/core (and Python's pretty_print) draw it.
const TITLE_WIDTH = 80;

/** The `=== Human Message ===` bar: the type capitalised, centred in 80 columns of `=`. */
function titleBar(type: string): string {
  const title = ` ${type.charAt(0).toUpperCase()}${type.slice(1)} Message `;
  const side = "=".repeat(Math.floor((TITLE_WIDTH - title.length) / 2));
  return `${side}${title}${title.length % 2 === 0 ? side : `${side}=`}`;
}

/** The lines an AI message's tool calls add under the title: name, id, then one line per argument. */
export function toolCallLines(calls: readonly ToolCall[]): string[] {
  if (calls.length === 0) return [];
  const lines = ["Tool Calls:"];
  for (const call of calls) {
    lines.push(`  ${call.name} (${call.id})`, ` Call ID: ${call.id}`, "  Args:");
    for (const [key, value] of Object.entries(call.args)) {
      lines.push(`    ${key}: ${typeof value === "object" ? JSON.stringify(value) : String(value)}`);
    }
  }
  return lines;
}

/**
 * A message as `toFormattedString("pretty")` prints it: the title bar, the lines its class adds
 * (tool calls, a tool's name) and a blank line after them, then its text when it has any.
 */
export function prettyMessage(type: string, details: readonly string[], content: MessageContent): string {
  const lines = [titleBar(type), ...details];
  const text = typeof content === "string" ? content : contentText(content);
  if (text.trim() !== "") {
    if (lines.length > 1) lines.push("");
    lines.push(text);
  }
  return lines.join("\n");
}
