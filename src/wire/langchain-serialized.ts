import { setOwnProperty } from "../internal/set-own-property.js";
import { isAIMessage } from "../messages/ai-message.js";
import { isAIMessageChunk } from "../messages/ai-message-chunk.js";
import type { BaseMessage } from "../messages/base-message.js";
import { LANGCHAIN_CLASS_BY_TYPE } from "../messages/lang-chain-message-names.js";
import { readForeignMessage } from "../messages/read-foreign-message.js";
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
  const className = `${LANGCHAIN_CLASS_BY_TYPE.get(type) ?? "BaseMessage"}${chunk === true ? "Chunk" : ""}`;
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
  const message = readForeignMessage(value);
  if (message !== undefined) return message;
  const className = value.id[value.id.length - 1];
  if (className === "StringPromptValue" && typeof value.kwargs.value === "string") {
    return new StringPromptValue(value.kwargs.value);
  }
  return undefined;
}

/** The `lc: 1` class name of a chat prompt value, which holds serialized messages to read first. */
export function isLangChainChatPromptValue(value: LangChainSerialized): boolean {
  return value.id[value.id.length - 1] === "ChatPromptValue" && Array.isArray(value.kwargs.messages);
}
