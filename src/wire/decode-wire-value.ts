import { InvalidInputError } from "../errors/input-errors.js";
import { WireValueError } from "../errors/wire-value-error.js";
import { isPlainObject } from "../internal/is-plain-object.js";
import { setOwnProperty } from "../internal/set-own-property.js";
import { BaseMessage } from "../messages/base-message.js";
import { messageFromJSON } from "../messages/message-from-json.js";
import { MESSAGE_TYPES } from "../messages/message-json.js";
import { ChatPromptValue } from "../prompts/chat-prompt-value.js";
import { StringPromptValue } from "../prompts/string-prompt-value.js";
import { Document } from "../retrieval/document.js";
import {
  fromLangChainSerialized,
  isLangChainChatPromptValue,
  isLangChainSerialized,
  type LangChainSerialized,
} from "./langchain-serialized.js";
import type { WireDialect } from "./wire-dialect.js";

/** LangServe's message `type`s (and the class names its clients also send) with our type and chunk flag. */
const LANGSERVE_TYPES: Readonly<Record<string, readonly [string, boolean]>> = {
  human: ["human", false],
  ai: ["ai", false],
  system: ["system", false],
  tool: ["tool", false],
  chat: ["generic", false],
  function: ["function", false],
  remove: ["remove", false],
  HumanMessage: ["human", false],
  AIMessage: ["ai", false],
  SystemMessage: ["system", false],
  ToolMessage: ["tool", false],
  ChatMessage: ["generic", false],
  FunctionMessage: ["function", false],
  HumanMessageChunk: ["human", true],
  AIMessageChunk: ["ai", true],
  SystemMessageChunk: ["system", true],
  ToolMessageChunk: ["tool", true],
  ChatMessageChunk: ["generic", true],
  FunctionMessageChunk: ["function", true],
};

/**
 * Rebuilds the class instances in a value read from the wire (a request's input on a server, an
 * output, chunk or event on a client). In the `langserve` dialect an object with `content` and a
 * message `type` becomes that message (or chunk), one with `page_content` and `metadata` a
 * Document, and a prompt value tagged `StringPromptValue` or `ChatPromptValueConcrete` that
 * prompt value; in the `rivulet` dialect, values are revived by their `type` alone (a message's
 * `toJSON()` form, `"Document"`, `"StringPromptValue"`, `"ChatPromptValue"`). Everything else
 * stays plain data, copied without prototype keys. A value that claims to be a message but is not
 * a valid one is a `WireValueError` at its place under `loc`.
 *
 * @example
 * decodeWireValue([{ type: "human", content: "hi" }], "langserve", ["input"]); // [HumanMessage("hi")]
 */
export function decodeWireValue(
  value: unknown,
  dialect: WireDialect,
  loc: (string | number)[] = [],
): unknown {
  if (Array.isArray(value))
    return value.map((item, index) => decodeWireValue(item, dialect, [...loc, index]));
  if (!isPlainObject(value)) return value;
  try {
    const revived = revive(value, dialect, loc);
    if (revived !== undefined) return revived;
  } catch (error) {
    if (!InvalidInputError.isInstance(error)) throw error;
    if (WireValueError.isInstance(error)) throw error;
    throw new WireValueError(error.message, { loc, issueType: "value_error", cause: error });
  }
  const copy: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value))
    setOwnProperty(copy, key, decodeWireValue(inner, dialect, [...loc, key]));
  return copy;
}

function revive(value: Record<string, unknown>, dialect: WireDialect, loc: (string | number)[]): unknown {
  if (dialect === "rivulet") return reviveRivulet(value, loc);
  // LangChain's JSON is read where LangServe's is: a LangChain frontend posts either.
  if (isLangChainSerialized(value)) return reviveLangChainSerialized(value, loc);
  if (dialect === "langchain") return reviveLangChainDocument(value);
  return reviveLangServe(value, loc);
}

/** LangChain writes a Document as its plain fields: `{ pageContent, metadata, id? }` and nothing else. */
function reviveLangChainDocument(value: Record<string, unknown>): Document | undefined {
  const keys = Object.keys(value);
  const onlyDocumentKeys = keys.every((key) => key === "pageContent" || key === "metadata" || key === "id");
  if (!onlyDocumentKeys || typeof value.pageContent !== "string" || !isPlainObject(value.metadata))
    return undefined;
  const id = typeof value.id === "string" ? value.id : undefined;
  return new Document({ pageContent: value.pageContent, metadata: value.metadata, id });
}

function reviveLangChainSerialized(value: LangChainSerialized, loc: (string | number)[]): unknown {
  if (!isLangChainChatPromptValue(value)) return fromLangChainSerialized(value);
  const messages = decodeWireValue(value.kwargs.messages, "langchain", [...loc, "kwargs", "messages"]);
  if (!Array.isArray(messages) || !messages.every((message) => BaseMessage.isInstance(message))) {
    throw new WireValueError("Expected serialized messages.", {
      loc: [...loc, "kwargs", "messages"],
      issueType: "model_type",
    });
  }
  return new ChatPromptValue(messages);
}

function hasContent(value: Record<string, unknown>): boolean {
  return typeof value.content === "string" || Array.isArray(value.content);
}

function reviveLangServe(value: Record<string, unknown>, loc: (string | number)[]): unknown {
  // Own keys only: a `type` of "constructor" or "toString" is data, not Object.prototype's member.
  const kind =
    typeof value.type === "string" && Object.hasOwn(LANGSERVE_TYPES, value.type)
      ? LANGSERVE_TYPES[value.type]
      : undefined;
  if (kind !== undefined && hasContent(value)) {
    const { example: _example, type: _type, ...fields } = value;
    const json: Record<string, unknown> = { type: kind[0] };
    if (kind[1]) json.chunk = true;
    for (const [key, inner] of Object.entries(fields)) if (inner !== null) setOwnProperty(json, key, inner);
    // A LangServe chunk carries its parsed calls beside the fragments; the fragments are the source.
    if (kind[1] && Array.isArray(json.tool_call_chunks) && json.tool_call_chunks.length > 0) {
      delete json.tool_calls;
      delete json.invalid_tool_calls;
    }
    return messageFromJSON(json);
  }
  if (typeof value.page_content === "string" && isPlainObject(value.metadata)) {
    const id = typeof value.id === "string" ? value.id : undefined;
    return new Document({ pageContent: value.page_content, metadata: value.metadata, id });
  }
  if (value.type === "StringPromptValue" && typeof value.text === "string")
    return new StringPromptValue(value.text);
  if (LANGSERVE_CHAT_PROMPT_TYPES.has(String(value.type)) && Array.isArray(value.messages)) {
    const messages = value.messages.map((message, index) => {
      const place = [...loc, "messages", index];
      const revived = reviveLangServe(checkMessage(message, place), place);
      if (!BaseMessage.isInstance(revived))
        throw new WireValueError("Expected a message.", {
          loc: [...loc, "messages", index],
          issueType: "model_type",
        });
      return revived;
    });
    return new ChatPromptValue(messages);
  }
  return undefined;
}

/** The `type`s LangServe writes on a chat prompt value (Python's class name, and ours). */
const LANGSERVE_CHAT_PROMPT_TYPES: ReadonlySet<string> = new Set([
  "ChatPromptValueConcrete",
  "ChatPromptValue",
]);

function reviveRivulet(value: Record<string, unknown>, loc: (string | number)[]): unknown {
  const type = value.type;
  if (typeof type !== "string") return undefined;
  if (MESSAGE_TYPES.has(type) && "content" in value) return messageFromJSON(value);
  if (type === "Document" && typeof value.pageContent === "string") {
    const metadata = isPlainObject(value.metadata) ? value.metadata : {};
    const id = typeof value.id === "string" ? value.id : undefined;
    return new Document({ pageContent: value.pageContent, metadata, id });
  }
  if (type === "StringPromptValue" && typeof value.value === "string")
    return new StringPromptValue(value.value);
  if (type === "ChatPromptValue" && Array.isArray(value.messages)) {
    const messages = value.messages.map((message, index) =>
      messageFromJSON(checkMessage(message, [...loc, "messages", index])),
    );
    return new ChatPromptValue(messages);
  }
  return undefined;
}

function checkMessage(value: unknown, loc: (string | number)[]): Record<string, unknown> {
  if (!isPlainObject(value))
    throw new WireValueError("Expected a message object.", { loc, issueType: "model_type" });
  return value;
}
