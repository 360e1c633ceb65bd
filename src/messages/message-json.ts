import type { MessageContent } from "./content-block.js";
import type { InvalidToolCall, ToolCall, ToolCallChunk } from "./tool-call.js";
import type { UsageMetadata } from "./usage-metadata.js";

/**
 * The kind of a message, as `getType()` and the `type` getter return it. `"generic"` is a
 * {@link ChatMessage}, `"function"` a legacy `FunctionMessage`, `"remove"` a `RemoveMessage`.
 */
export type MessageType = "human" | "ai" | "system" | "tool" | "generic" | "function" | "remove";

/** Every message `type`, to check a type read from data (JSON, the wire, a filter). */
export const MESSAGE_TYPES: ReadonlySet<string> = new Set<MessageType>([
  "human",
  "ai",
  "system",
  "tool",
  "generic",
  "function",
  "remove",
]);

/**
 * The plain-object form of any message, as `toJSON()` returns it and `messageFromJSON` reads it.
 * `type` and `chunk` pick the class; empty and undefined fields are left out. Chunks carry
 * `tool_call_chunks` only (their `tool_calls` are derived from them when read back), except a
 * chunk built from complete `tool_calls`, which carries those (and `invalid_tool_calls`) as given.
 *
 * @example
 * { type: "ai", chunk: true, content: "Hi", id: "run-1", usage_metadata: { input_tokens: 3, output_tokens: 1, total_tokens: 4 } }
 */
export interface MessageJSON {
  type: MessageType;
  chunk?: true;
  content: MessageContent;
  id?: string;
  name?: string;
  additional_kwargs?: Record<string, unknown>;
  response_metadata?: Record<string, unknown>;
  tool_calls?: ToolCall[];
  invalid_tool_calls?: InvalidToolCall[];
  tool_call_chunks?: ToolCallChunk[];
  usage_metadata?: UsageMetadata;
  tool_call_id?: string;
  status?: "success" | "error";
  artifact?: unknown;
  role?: string;
}
