/**
 * A complete tool call asked for by a model: the tool's `name` and its parsed `args`.
 *
 * @example
 * const call: ToolCall = { name: "search", args: { query: "weather" }, id: "call_1", type: "tool_call" };
 */
export interface ToolCall {
  name: string;
  args: Record<string, unknown>;
  id?: string;
  type?: "tool_call";
}

/**
 * A fragment of a tool call as it streams. `args` is raw JSON text; fragments with the same `index`
 * (or, without an index, the same `id`) belong to one call and their `args` join in order.
 */
export interface ToolCallChunk {
  name?: string;
  args?: string;
  id?: string;
  index?: number;
  type?: "tool_call_chunk";
}

/** A tool call whose arguments could not be parsed into an object; `args` keeps the raw text. */
export interface InvalidToolCall {
  name?: string;
  args?: string;
  id?: string;
  error?: string;
  index?: number;
  type?: "invalid_tool_call";
}
