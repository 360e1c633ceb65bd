import { InvalidInputError } from "../errors/input-errors.js";
import type { BaseMessage } from "./base-message.js";
import { isBaseMessage } from "./base-message.js";
import { describeWrongValue } from "./describe-wrong-value.js";
import { MESSAGE_TYPES, type MessageType } from "./message-json.js";

/** A message class (`HumanMessage`, `AIMessageChunk`...), as the message utilities accept one in place of its type. */
export type MessageClass = abstract new (...args: never[]) => BaseMessage;

/**
 * A message kind, by name (`"human"`, `"ai"`, `"system"`, `"tool"`, `"generic"`, `"function"`,
 * `"remove"`) or by class (`HumanMessage`...; a chunk class stands for its kind, chunks and
 * messages alike), as `filterMessages` and `trimMessages` take it (`@langchain/core`'s
 * `MessageTypeOrClass`).
 */
export type MessageTypeOrClass = MessageType | MessageClass;

/** The type names a list of kinds stands for; an unknown name or a non-message class is an error. */
export function messageTypeNames(
  kinds: MessageTypeOrClass | readonly MessageTypeOrClass[],
  option: string,
): Set<string> {
  const list: readonly unknown[] = Array.isArray(kinds) ? kinds : [kinds];
  const names = new Set<string>();
  for (const kind of list) {
    if (typeof kind === "string" && MESSAGE_TYPES.has(kind)) {
      names.add(kind);
    } else if (typeof kind === "function" && isMessagePrototype(kind.prototype)) {
      // The classes' getType reads no instance state, so the prototype answers without building one.
      names.add(kind.prototype.getType());
    } else {
      throw new InvalidInputError(
        `${option} takes message types ("human", "ai", "system", "tool", "generic", "function", "remove") ` +
          `or message classes (HumanMessage, AIMessage...); got ${typeof kind === "string" ? JSON.stringify(kind) : describeWrongValue(kind)}.`,
      );
    }
  }
  return names;
}

function isMessagePrototype(value: unknown): value is BaseMessage {
  return isBaseMessage(value);
}

/** Checks that a utility got an array of messages, naming the first element that is not one. */
export function checkMessageList(messages: unknown, utility: string): readonly BaseMessage[] {
  if (!Array.isArray(messages)) {
    throw new InvalidInputError(
      `${utility} takes an array of messages; got ${describeWrongValue(messages)}.`,
    );
  }
  const position = messages.findIndex((message) => !isBaseMessage(message));
  if (position !== -1) {
    throw new InvalidInputError(
      `${utility} takes message instances; item ${position} is ${describeWrongValue(messages[position])}. ` +
        "Convert message-likes first with coerceMessageLikeToMessage.",
    );
  }
  return messages;
}

/** `Array.isArray` that narrows a readonly array too (TypeScript's own narrows only mutable ones). */
export function isReadonlyArray<T>(value: readonly T[] | object | undefined): value is readonly T[] {
  return Array.isArray(value);
}
