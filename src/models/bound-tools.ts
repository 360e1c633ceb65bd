import type { ChatModelCallOptions } from "./chat-model-call-options.js";
import { type BindableTool, type BindToolsOptions, toToolDefinition } from "./tool-definition.js";

/**
 * The call options `bindTools` binds: the tools normalised to `{ name, description, parameters }`,
 * and `tool_choice` when given (under either spelling, `tool_choice` first).
 */
export function boundTools(tools: BindableTool[], options: BindToolsOptions): ChatModelCallOptions {
  const bound: ChatModelCallOptions = { tools: tools.map(toToolDefinition) };
  const toolChoice = options.tool_choice ?? options.toolChoice;
  if (toolChoice !== undefined) bound.tool_choice = toolChoice;
  return bound;
}
