import { setOwnProperty } from "../internal/set-own-property.js";
import { isAIMessage } from "../messages/ai-message.js";
import { isAIMessageChunk } from "../messages/ai-message-chunk.js";
import type { BaseMessage } from "../messages/base-message.js";
import { messageFromJSON } from "../messages/message-from-json.js";
import type { MessageType } from "../messages/message-json.js";
import type { ChatPromptValue } from "../prompts/chat-prompt-value.js";
import { StringPromptValue } from "../prompts/string-prompt-value.js";

/**
 * `@langchain/core`'s serialized form of a message or prompt value (what its `toJSON()` writes
 * and `load()` reads): `{ lc: 1, type: "constructor", id: ["langchain_core", "messages",
 * "AIMessageChunk"], kwargs }`.
 */
export interface LangChainSerialized {
  lc: 1;
  type: "constructor";
  id: string[];
  kwargs: Record<string, unknown>;
}

/** Our message types with the class names `@langchain/core` serializes them under. */
const CLASS_NAMES: ReadonlyArray<readonly [MessageType, string]> = [
  ["human", "HumanMessage"],
  ["ai", "AIMessage"],
  ["system", "SystemMessage"],
  ["tool", "ToolMessage"],
  ["generic", "ChatMessage"],
  ["function", "FunctionMessage"],
  ["remove", "RemoveMessage"],
];

const CLASS_BY_TYPE: ReadonlyMap<MessageType, string> = new Map(CLASS_NAMES);

/** Each class name (and its chunk's) with our type and whether it is a chunk. */
const TYPES_BY_CLASS: ReadonlyMap<string, readonly [MessageType, boolean]> = new Map(
  CLASS_NAMES.flatMap(
    ([type, className]): Array<[string, readonly [MessageType, boolean]]> => [
      [className, [type, false]],
      [`${className}Chunk`, [type, true]],
    ],
  ),
);

/**
 * A message in `@langchain/core`'s `lc: 1` form, with the fields its constructors default
 * (`additional_kwargs`, `response_metadata`, and an AI message's `tool_calls` and
 * `invalid_tool_calls`, a chunk's parsed from its fragments), so a frontend written against
 * LangChain's event stream reads `kwargs.content`, `kwargs.tool_calls`... as it does there.
 */
export function toLangChainSerializedMessage(
  message: BaseMessage,
  recurse: (inner: unknown) => unknown,
): LangChainSerialized {
  const { type, chunk, ...fields } = message.toJSON();
  const kwargs: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) setOwnProperty(kwargs, key, recurse(value));
  if (isAIMessage(message) || isAIMessageChunk(message)) {
    kwargs.tool_calls = recurse(message.tool_calls ?? []);
    kwargs.invalid_tool_calls = recurse(message.invalid_tool_calls ?? []);
  }
  kwargs.additional_kwargs ??= {};
  kwargs.response_metadata ??= {};
  const className = `${CLASS_BY_TYPE.get(type) ?? "BaseMessage"}${chunk === true ? "Chunk" : ""}`;
  return { lc: 1, type: "constructor", id: ["langchain_core", "messages", className], kwargs };
}

/** A prompt value in `@langchain/core`'s `lc: 1` form (`ChatPromptValue`, `StringPromptValue`). */
export function toLangChainSerializedPromptValue(
  value: ChatPromptValue | StringPromptValue,
  recurse: (inner: unknown) => unknown,
): LangChainSerialized {
  if (StringPromptValue.isInstance(value)) {
    return {
      lc: 1,
      type: "constructor",
      id: ["langchain_core", "prompt_values", "StringPromptValue"],
      kwargs: { value: value.value },
    };
  }
  return {
    lc: 1,
    type: "constructor",
    id: ["langchain_core", "prompt_values", "ChatPromptValue"],
    kwargs: { messages: recurse(value.messages) },
  };
}

/** True for an object in the `lc: 1` constructor form. */
export function isLangChainSerialized(
  value: Record<string, unknown>,
): value is Record<string, unknown> & LangChainSerialized {
  return (
    value.lc === 1 &&
    value.type === "constructor" &&
    Array.isArray(value.id) &&
    value.id.every((part) => typeof part === "string") &&
    typeof value.kwargs === "object" &&
    value.kwargs !== null &&
    !Array.isArray(value.kwargs)
  );
}

/**
 * The message or prompt value an `lc: 1` object stands for, or undefined for a class this reader
 * does not know (left as plain data). Fields are checked as for any message JSON.
 */
export function fromLangChainSerialized(value: LangChainSerialized): unknown {
  const className = value.id[value.id.length - 1] ?? "";
  const kind = TYPES_BY_CLASS.get(className);
  if (kind !== undefined) {
    const json: Record<string, unknown> = { type: kind[0] };
    if (kind[1]) json.chunk = true;
    for (const [key, inner] of Object.entries(value.kwargs))
      if (inner !== null) setOwnProperty(json, key, inner);
    // A chunk's parsed calls are derived from its fragments, which are the source.
    if (kind[1] && Array.isArray(json.tool_call_chunks) && json.tool_call_chunks.length > 0) {
      delete json.tool_calls;
      delete json.invalid_tool_calls;
    }
    return messageFromJSON(json);
  }
  if (className === "StringPromptValue" && typeof value.kwargs.value === "string") {
    return new StringPromptValue(value.kwargs.value);
  }
  return undefined;
}

/** The `lc: 1` class name of a chat prompt value, which holds serialized messages to read first. */
export function isLangChainChatPromptValue(value: LangChainSerialized): boolean {
  return value.id[value.id.length - 1] === "ChatPromptValue" && Array.isArray(value.kwargs.messages);
}
