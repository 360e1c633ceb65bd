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

/**
 * Walks arrays and plain objects, converting what `convert` knows; a cycle is cut, not followed.
 * An array or object in which nothing was converted is returned as it is: this runs on every
 * event crossing the bridge, most of which hold nothing to convert.
 */
function walk(value: unknown, convert: (value: object) => unknown, ancestors: Set<object>): unknown {
  if (typeof value !== "object" || value === null) return value;
  const converted = convert(value);
  if (converted !== value) return converted;
  if (ancestors.has(value)) return value;
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      const items = value.map((item) => walk(item, convert, ancestors));
      return items.some((item, index) => item !== value[index]) ? items : value;
    }
    if (!isPlainObject(value)) return value;
    let copy: Record<string, unknown> | undefined;
    for (const [key, inner] of Object.entries(value)) {
      const walked = walk(inner, convert, ancestors);
      if (walked === inner && copy === undefined) continue;
      copy ??= { ...value };
      setOwnProperty(copy, key, walked);
    }
    return copy ?? value;
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
