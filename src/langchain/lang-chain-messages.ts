import {
  AIMessage,
  AIMessageChunk,
  ChatMessage,
  ChatMessageChunk,
  FunctionMessage,
  FunctionMessageChunk,
  HumanMessage,
  HumanMessageChunk,
  type BaseMessage as LangChainBaseMessage,
  RemoveMessage,
  SystemMessage,
  SystemMessageChunk,
  ToolMessage,
  ToolMessageChunk,
} from "@langchain/core/messages";
import { InvalidInputError } from "../errors/input-errors.js";
import type { BaseMessage } from "../messages/base-message.js";
import { readForeignMessage } from "../messages/read-foreign-message.js";
import { toChatMessages } from "../messages/to-chat-messages.js";
import { toLangChainSerializedMessage } from "../wire/langchain-serialized.js";

type Fields = Record<string, unknown>;

/** `@langchain/core`'s message classes by the class name its serialized form uses. */
const CONSTRUCTORS: Readonly<Record<string, (fields: Fields) => LangChainBaseMessage>> = {
  HumanMessage: (fields) => Reflect.construct(HumanMessage, [fields]),
  HumanMessageChunk: (fields) => Reflect.construct(HumanMessageChunk, [fields]),
  AIMessage: (fields) => Reflect.construct(AIMessage, [fields]),
  AIMessageChunk: (fields) => Reflect.construct(AIMessageChunk, [fields]),
  SystemMessage: (fields) => Reflect.construct(SystemMessage, [fields]),
  SystemMessageChunk: (fields) => Reflect.construct(SystemMessageChunk, [fields]),
  ToolMessage: (fields) => Reflect.construct(ToolMessage, [fields]),
  ToolMessageChunk: (fields) => Reflect.construct(ToolMessageChunk, [fields]),
  ChatMessage: (fields) => Reflect.construct(ChatMessage, [fields]),
  ChatMessageChunk: (fields) => Reflect.construct(ChatMessageChunk, [fields]),
  FunctionMessage: (fields) => Reflect.construct(FunctionMessage, [fields]),
  FunctionMessageChunk: (fields) => Reflect.construct(FunctionMessageChunk, [fields]),
  RemoveMessage: (fields) => Reflect.construct(RemoveMessage, [fields]),
};

/**
 * One Rivulet message as the `@langchain/core` message of the same class, every field carried
 * (tool calls and their chunks, invalid calls, usage, ids, metadata, artifacts, status, content
 * blocks). A chunk's parsed calls are left for LangChain to derive from its fragments, as its own
 * chunks do.
 *
 * @example
 * const history = toLangChainMessages(await rivuletHistory.getMessages());
 */
export function toLangChainMessage(message: BaseMessage): LangChainBaseMessage {
  const serialized = toLangChainSerializedMessage(message, (inner) => inner);
  const className = serialized.id[serialized.id.length - 1] ?? "";
  const construct = CONSTRUCTORS[className];
  if (construct === undefined) {
    throw new InvalidInputError(`toLangChainMessage: @langchain/core has no message class ${className}.`);
  }
  const kwargs: Fields = { ...serialized.kwargs };
  if (
    className.endsWith("Chunk") &&
    Array.isArray(kwargs.tool_call_chunks) &&
    kwargs.tool_call_chunks.length > 0
  ) {
    delete kwargs.tool_calls;
    delete kwargs.invalid_tool_calls;
  }
  return construct(kwargs);
}

/** {@link toLangChainMessage} for a list. */
export function toLangChainMessages(messages: readonly BaseMessage[]): LangChainBaseMessage[] {
  return messages.map(toLangChainMessage);
}

/**
 * One `@langchain/core` message (or its `lc: 1` JSON, a stored record, a LangServe shape) as the
 * Rivulet message of the same class, every field carried. Rivulet's own APIs already accept these
 * wherever they take messages; this is for code that needs the Rivulet class itself.
 *
 * @example
 * const messages = fromLangChainMessages(await langChainHistory.getMessages());
 */
export function fromLangChainMessage(message: unknown): BaseMessage {
  const read = readForeignMessage(message);
  if (read !== undefined) return read;
  const [coerced] = toChatMessages([message]);
  if (coerced === undefined) throw new InvalidInputError("fromLangChainMessage: expected a message.");
  return coerced;
}

/** {@link fromLangChainMessage} for a list. */
export function fromLangChainMessages(messages: readonly unknown[]): BaseMessage[] {
  return messages.map(fromLangChainMessage);
}
