import { isNonArrayObject } from "../internal/is-non-array-object.js";
import { isPlainObject } from "../internal/is-plain-object.js";
import { setOwnProperty } from "../internal/set-own-property.js";
import type { BaseMessage } from "./base-message.js";
import { MESSAGE_KIND_BY_LANGCHAIN_CLASS } from "./lang-chain-message-names.js";
import { messageFromJSON } from "./message-from-json.js";
import { MESSAGE_TYPES, type MessageType } from "./message-json.js";

/** The fields a message of any class may carry, read from a foreign message by name. */
const MESSAGE_FIELDS = [
  "content",
  "id",
  "name",
  "additional_kwargs",
  "response_metadata",
  "tool_calls",
  "invalid_tool_calls",
  "tool_call_chunks",
  "usage_metadata",
  "tool_call_id",
  "status",
  "artifact",
  "role",
] as const;

/** LangServe's pydantic `type` names that are not ours: its chat message, and chunk class names. */
const PYDANTIC_TYPES: ReadonlyMap<string, readonly [MessageType, boolean]> = new Map([
  ["chat", ["generic", false] as const],
  ...MESSAGE_KIND_BY_LANGCHAIN_CLASS,
]);

/** Our JSON for a message of `kind` from `fields` (absent, undefined and null fields left out). */
function messageJSON(
  kind: readonly [MessageType, boolean],
  fields: (name: string) => unknown,
): Record<string, unknown> {
  const json: Record<string, unknown> = { type: kind[0] };
  if (kind[1]) json.chunk = true;
  for (const name of MESSAGE_FIELDS) {
    const value = fields(name);
    if (value !== undefined && value !== null) setOwnProperty(json, name, value);
  }
  // A chunk's parsed calls come from its fragments, which are the source: keep only those.
  if (kind[1] && Array.isArray(json.tool_call_chunks) && json.tool_call_chunks.length > 0) {
    delete json.tool_calls;
    delete json.invalid_tool_calls;
  }
  return json;
}

/** `{ lc: 1, type: "constructor", id: [..., "AIMessageChunk"], kwargs }`: `@langchain/core`'s serialized form. */
function fromSerialized(value: Record<string, unknown>): BaseMessage | undefined {
  if (value.lc !== 1 || value.type !== "constructor" || !Array.isArray(value.id)) return undefined;
  const kwargs = value.kwargs;
  const className: unknown = value.id[value.id.length - 1];
  const kind = typeof className === "string" ? MESSAGE_KIND_BY_LANGCHAIN_CLASS.get(className) : undefined;
  if (kind === undefined || !isNonArrayObject(kwargs)) return undefined;
  return messageFromJSON(messageJSON(kind, (name) => kwargs[name]));
}

/** `{ type, data: { content, ... } }`: a stored-message record (`mapChatMessagesToStoredMessages`). */
function fromStored(value: Record<string, unknown>): BaseMessage | undefined {
  if (typeof value.type !== "string" || !isPlainObject(value.data) || "content" in value) return undefined;
  // The stored data is the message's JSON without its type: messageFromJSON checks the rest.
  return messageFromJSON({ ...value.data, type: value.type });
}

/** LangServe's pydantic shapes: `type: "chat"` or a chunk's class name, `example`, nulls for absent fields. */
function fromPydantic(value: Record<string, unknown>): BaseMessage | undefined {
  if (typeof value.type !== "string" || MESSAGE_TYPES.has(value.type) || !("content" in value))
    return undefined;
  const kind = PYDANTIC_TYPES.get(value.type);
  return kind === undefined ? undefined : messageFromJSON(messageJSON(kind, (name) => value[name]));
}

/**
 * A `@langchain/core` message instance, recognised by its shape (`lc_serializable`, `getType()`
 * and `content`) so the core never imports `@langchain/core`. Its class name comes from its own
 * serialized form (`toJSON().id`), which survives minification; its fields are read live.
 */
function fromLangChainInstance(value: object): BaseMessage | undefined {
  const getType: unknown = Reflect.get(value, "getType") ?? Reflect.get(value, "_getType");
  if (
    Reflect.get(value, "lc_serializable") !== true ||
    typeof getType !== "function" ||
    !("content" in value)
  ) {
    return undefined;
  }
  const toJSON: unknown = Reflect.get(value, "toJSON");
  const serialized: unknown = typeof toJSON === "function" ? toJSON.call(value) : undefined;
  const id: unknown = isNonArrayObject(serialized) ? serialized.id : undefined;
  const className: unknown = Array.isArray(id) ? id[id.length - 1] : undefined;
  const kind = typeof className === "string" ? MESSAGE_KIND_BY_LANGCHAIN_CLASS.get(className) : undefined;
  if (kind === undefined) return undefined;
  return messageFromJSON(messageJSON(kind, (name) => Reflect.get(value, name)));
}

/**
 * A message from the forms other libraries hold messages in, or undefined when `value` is none of
 * them: a `@langchain/core` message instance, its `lc: 1` serialized JSON, a stored-message record
 * (`{ type, data }`) and LangServe's pydantic shapes. Every field crosses (tool calls and their
 * chunks, usage, ids, metadata, artifacts, status); a malformed one is the `InvalidInputError`
 * our own JSON would give.
 *
 * @example
 * readForeignMessage(new LangChainAIMessage({ content: "hi", tool_calls })); // AIMessage
 */
export function readForeignMessage(value: unknown): BaseMessage | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  if (!isPlainObject(value)) return fromLangChainInstance(value);
  return fromSerialized(value) ?? fromStored(value) ?? fromPydantic(value);
}
