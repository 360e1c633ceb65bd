import { isPlainObject } from "../internal/is-plain-object.js";
import { setOwnProperty } from "../internal/set-own-property.js";
import { BaseMessage } from "../messages/base-message.js";
import { readForeignMessage } from "../messages/read-foreign-message.js";
import { ChatPromptValue } from "../prompts/chat-prompt-value.js";
import { StringPromptValue } from "../prompts/string-prompt-value.js";
import { Document } from "../retrieval/document.js";
import { toLangChainSerializedMessage, toLangChainSerializedPromptValue } from "./langchain-serialized.js";
import { toLangServeMessage } from "./langserve-message.js";
import type { WireDialect } from "./wire-dialect.js";

/**
 * A value as plain JSON data in `dialect`, ready for `serializeEventData`: messages, chunks,
 * documents and prompt values in the dialect's shape (see `WireDialect`), wherever they sit in
 * arrays and objects (an event's `data.chunk`, a log patch's `value`, a map's keys). Other
 * objects with `toJSON` are written through it; a value that refers back to one of its
 * ancestors becomes `"[Circular]"`. Errors, bigints and primitives are left for the serializer.
 *
 * @example
 * encodeWireValue({ answer: new AIMessageChunk("Hi") }, "rivulet");
 * // { answer: { type: "ai", chunk: true, content: "Hi" } }
 */
export function encodeWireValue(value: unknown, dialect: WireDialect): unknown {
  return encode(value, dialect, new Set());
}

/**
 * One object's shape in `dialect` when it is a class the dialects write their own way (a
 * message, a Document, a prompt value), its fields left as they are; any other object itself. For
 * `serializeEventData`'s `replace`, which writes a value in the dialect in one walk: the same
 * text as serializing `encodeWireValue(value, dialect)`, without building the converted copy.
 *
 * @example
 * serializeEventData(event, { replace: (inner) => wireForm(inner, "langserve") });
 */
export function wireForm(value: object, dialect: WireDialect): unknown {
  const isWireClass =
    BaseMessage.isInstance(value) ||
    Document.isInstance(value) ||
    StringPromptValue.isInstance(value) ||
    ChatPromptValue.isInstance(value);
  if (isWireClass) return encodeObject(value, dialect, (inner) => inner);
  const foreign = foreignMessage(value, dialect);
  return foreign === undefined ? value : encodeObject(foreign, dialect, (inner) => inner);
}

/**
 * A `@langchain/core` message instance (a step's output, a chunk a LangChain chain streamed) as
 * ours, so it is written in the dialect's shape too: its own `toJSON` gives LangChain's `lc: 1`
 * form, which LangServe clients and Rivulet's client do not read back. The langchain dialect
 * writes that form anyway; a malformed instance is left to its `toJSON`, as before.
 */
function foreignMessage(value: object, dialect: WireDialect): BaseMessage | undefined {
  if (dialect === "langchain" || Array.isArray(value) || isPlainObject(value)) return undefined;
  try {
    return readForeignMessage(value);
  } catch {
    return undefined;
  }
}

function encode(value: unknown, dialect: WireDialect, ancestors: Set<object>): unknown {
  if (typeof value !== "object" || value === null || value instanceof Error) return value;
  if (ancestors.has(value)) return "[Circular]";
  ancestors.add(value);
  try {
    return encodeObject(value, dialect, (inner) => encode(inner, dialect, ancestors));
  } finally {
    ancestors.delete(value);
  }
}

function encodeObject(value: object, dialect: WireDialect, recurse: (inner: unknown) => unknown): unknown {
  if (dialect === "langchain") {
    if (BaseMessage.isInstance(value)) return toLangChainSerializedMessage(value, recurse);
    if (StringPromptValue.isInstance(value) || ChatPromptValue.isInstance(value)) {
      return toLangChainSerializedPromptValue(value, recurse);
    }
  }
  if (BaseMessage.isInstance(value)) {
    return dialect === "langserve" ? toLangServeMessage(value, recurse) : recurse(plainCopy(value.toJSON()));
  }
  if (Document.isInstance(value)) return encodeDocument(value, dialect, recurse);
  if (StringPromptValue.isInstance(value)) {
    return dialect === "langserve"
      ? { text: value.value, type: "StringPromptValue" }
      : { type: "StringPromptValue", value: value.value };
  }
  if (ChatPromptValue.isInstance(value)) {
    const messages = recurse(value.messages);
    return dialect === "langserve"
      ? { messages, type: "ChatPromptValueConcrete" }
      : { type: "ChatPromptValue", messages };
  }
  if (Array.isArray(value)) return value.map(recurse);
  if (isPlainObject(value)) {
    const copy: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) setOwnProperty(copy, key, recurse(inner));
    return copy;
  }
  const foreign = foreignMessage(value, dialect);
  if (foreign !== undefined) return encodeObject(foreign, dialect, recurse);
  const toJSON: unknown = Reflect.get(value, "toJSON");
  if (typeof toJSON === "function") {
    const json: unknown = toJSON.call(value);
    // A toJSON that returns its own object (or another instance) is left to the serializer.
    return json !== value && (isPlainObject(json) || Array.isArray(json)) ? recurse(json) : json;
  }
  return value;
}

/** A message's JSON as a fresh plain object, so the walk does not call `toJSON` on it again. */
function plainCopy(json: object): Record<string, unknown> {
  return { ...json };
}

function encodeDocument(
  document: Document,
  dialect: WireDialect,
  recurse: (inner: unknown) => unknown,
): unknown {
  const metadata = recurse(document.metadata);
  if (dialect === "langserve") {
    return { page_content: document.pageContent, metadata, type: "Document", id: document.id ?? null };
  }
  // @langchain/core's Document serializes as its plain fields, with no type tag.
  const json: Record<string, unknown> =
    dialect === "langchain"
      ? { pageContent: document.pageContent, metadata }
      : { type: "Document", pageContent: document.pageContent, metadata };
  if (document.id !== undefined) json.id = document.id;
  return json;
}
