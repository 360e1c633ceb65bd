import { Document as LangChainDocument } from "@langchain/core/documents";
import {
  ChatPromptValue as LangChainChatPromptValue,
  StringPromptValue as LangChainStringPromptValue,
} from "@langchain/core/prompt_values";
import { isPlainObject } from "../internal/is-plain-object.js";
import { setOwnProperty } from "../internal/set-own-property.js";
import { BaseMessage } from "../messages/base-message.js";
import { readForeignMessage } from "../messages/read-foreign-message.js";
import { ChatPromptValue } from "../prompts/chat-prompt-value.js";
import { StringPromptValue } from "../prompts/string-prompt-value.js";
import { Document } from "../retrieval/document.js";
import { fromLangChainDocuments, toLangChainDocuments } from "./lang-chain-documents.js";
import { toLangChainMessage } from "./lang-chain-messages.js";

/** Walks arrays and plain objects, converting what `convert` knows; a cycle is cut, not followed. */
function walk(value: unknown, convert: (value: object) => unknown, ancestors: Set<object>): unknown {
  if (typeof value !== "object" || value === null) return value;
  const converted = convert(value);
  if (converted !== value) return converted;
  if (ancestors.has(value)) return value;
  ancestors.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => walk(item, convert, ancestors));
    if (!isPlainObject(value)) return value;
    const copy: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value))
      setOwnProperty(copy, key, walk(inner, convert, ancestors));
    return copy;
  } finally {
    ancestors.delete(value);
  }
}

function fromLangChainObject(value: object): unknown {
  const message = readForeignMessage(value);
  if (message !== undefined && !isPlainObject(value)) return message;
  if (value instanceof LangChainDocument) return fromLangChainDocuments([value])[0];
  if (value instanceof LangChainChatPromptValue) {
    return new ChatPromptValue(
      value.messages.map((each) => readForeignMessage(each) ?? each).filter(BaseMessage.isInstance),
    );
  }
  if (value instanceof LangChainStringPromptValue) return new StringPromptValue(value.value);
  return value;
}

function toLangChainObject(value: object): unknown {
  if (BaseMessage.isInstance(value)) return toLangChainMessage(value);
  if (Document.isInstance(value)) return toLangChainDocuments([value])[0];
  if (ChatPromptValue.isInstance(value))
    return new LangChainChatPromptValue(value.messages.map(toLangChainMessage));
  if (StringPromptValue.isInstance(value)) return new LangChainStringPromptValue(value.value);
  return value;
}

/**
 * A value from `@langchain/core` with its messages, documents and prompt values as Rivulet's,
 * wherever they sit in arrays and plain objects (an event's chunk, a graph's state).
 */
export function fromLangChainValue(value: unknown): unknown {
  return walk(value, fromLangChainObject, new Set());
}

/** A Rivulet value with its messages, documents and prompt values as `@langchain/core`'s. */
export function toLangChainValue(value: unknown): unknown {
  return walk(value, toLangChainObject, new Set());
}
