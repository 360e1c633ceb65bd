import type { RunnableConfig } from "../config/runnable-config.js";
import { InvalidConfigError } from "../errors/input-errors.js";
import { type BindableTool, type BindToolsOptions, toToolDefinition } from "../models/tool-definition.js";

/** How LangChain's fakes format bound tools, one provider's wire shape each. */
export type FakeToolStyle = "openai" | "anthropic" | "bedrock" | "google";

function isToolStyle(value: unknown): value is FakeToolStyle {
  return value === "openai" || value === "anthropic" || value === "bedrock" || value === "google";
}

/** Checks a fake's `toolStyle` option at construction (default `"openai"`). */
export function checkToolStyle(style: unknown): FakeToolStyle {
  if (style === undefined) return "openai";
  if (isToolStyle(style)) return style;
  throw new InvalidConfigError(
    `toolStyle must be "openai", "anthropic", "bedrock" or "google", got ${JSON.stringify(style)}`,
  );
}

/** The call options a fake's `bindTools` binds: the tools in the style's shape, and the tool choice. */
interface FakeBoundTools extends RunnableConfig {
  tools: unknown[];
  tool_choice?: BindToolsOptions["tool_choice"];
}

/**
 * What a fake's `bindTools` binds to its calls, as `@langchain/core`'s fakes format it: OpenAI
 * `{ type: "function", function }`, Anthropic `{ name, description, input_schema }`, Bedrock
 * `{ toolSpec: { name, description, inputSchema } }`, or Google's one
 * `{ functionDeclarations: [...] }` entry.
 */
export function fakeBoundTools(
  tools: BindableTool[],
  style: FakeToolStyle,
  options: BindToolsOptions,
): FakeBoundTools {
  const formatted = tools.map((tool) => {
    const { name, description, parameters } = toToolDefinition(tool);
    if (style === "anthropic") return { name, description, input_schema: parameters };
    if (style === "bedrock") return { toolSpec: { name, description, inputSchema: parameters } };
    if (style === "google") return { name, description, parameters };
    return { type: "function", function: { name, description, parameters } };
  });
  const bound: FakeBoundTools = {
    tools: style === "google" ? [{ functionDeclarations: formatted }] : formatted,
  };
  const toolChoice = options.tool_choice ?? options.toolChoice;
  if (toolChoice !== undefined) bound.tool_choice = toolChoice;
  return bound;
}
