import type { BaseMessage } from "../messages/base-message.js";
import type { MessageJSON, MessageType } from "../messages/message-json.js";

/** LangServe's `type` for each message kind (a `ChatMessage` is `"chat"` there, `"generic"` here). */
const MESSAGE_TYPES: Record<MessageType, string> = {
  human: "human",
  ai: "ai",
  system: "system",
  tool: "tool",
  generic: "chat",
  function: "function",
  remove: "remove",
};

/** LangServe's `type` for each chunk kind: the class name. */
const CHUNK_TYPES: Partial<Record<MessageType, string>> = {
  human: "HumanMessageChunk",
  ai: "AIMessageChunk",
  system: "SystemMessageChunk",
  tool: "ToolMessageChunk",
  generic: "ChatMessageChunk",
  function: "FunctionMessageChunk",
};

/**
 * A message in LangServe's pydantic shape: every field present (`additional_kwargs` and
 * `response_metadata` even when empty, `name` and `id` as `null`), `example: false` on human and
 * AI messages, an AI message's `tool_calls`, `invalid_tool_calls` and `usage_metadata`, a chunk's
 * `tool_call_chunks`, a tool message's `tool_call_id`, `artifact` and `status`, a chat message's
 * `role`. `encode` writes the nested values (content blocks, kwargs) in the same dialect.
 *
 * @example
 * toLangServeMessage(new HumanMessage("hi"), (v) => v);
 * // { content: "hi", additional_kwargs: {}, response_metadata: {}, type: "human", name: null, id: null, example: false }
 */
export function toLangServeMessage(
  message: BaseMessage,
  encode: (value: unknown) => unknown,
): Record<string, unknown> {
  const json: MessageJSON = message.toJSON();
  const type = (json.chunk === true ? CHUNK_TYPES[json.type] : undefined) ?? MESSAGE_TYPES[json.type];
  const shaped: Record<string, unknown> = {
    content: encode(json.content),
    additional_kwargs: encode(json.additional_kwargs ?? {}),
    response_metadata: encode(json.response_metadata ?? {}),
    type,
    name: json.name ?? null,
    id: json.id ?? null,
  };
  if (json.type === "human" || json.type === "ai") shaped.example = false;
  if (json.type === "ai") addAIFields(shaped, json, message, encode);
  if (json.type === "tool") {
    shaped.tool_call_id = json.tool_call_id ?? "";
    shaped.artifact = encode(json.artifact ?? null);
    shaped.status = json.status ?? "success";
  }
  if (json.type === "generic") shaped.role = json.role ?? "";
  return shaped;
}

function addAIFields(
  shaped: Record<string, unknown>,
  json: MessageJSON,
  message: BaseMessage,
  encode: (value: unknown) => unknown,
): void {
  // A chunk's JSON carries only its fragments; its parsed calls are read from the message.
  const calls: unknown = Reflect.get(message, "tool_calls");
  const invalid: unknown = Reflect.get(message, "invalid_tool_calls");
  shaped.tool_calls = encode(Array.isArray(calls) ? calls : (json.tool_calls ?? []));
  shaped.invalid_tool_calls = encode(Array.isArray(invalid) ? invalid : (json.invalid_tool_calls ?? []));
  shaped.usage_metadata = encode(json.usage_metadata ?? null);
  if (json.chunk === true) shaped.tool_call_chunks = encode(json.tool_call_chunks ?? []);
}
