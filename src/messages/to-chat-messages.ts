import { InvalidInputError } from "../errors/input-errors.js";
import type { BaseMessage } from "./base-message.js";
import { isBaseMessage } from "./base-message.js";
import { type BaseMessageLike, coerceMessageLikeToMessage } from "./coerce-message-like.js";
import { HumanMessage } from "./human-message.js";

/** Anything that can turn itself into chat messages (prompt values). */
export interface ChatMessagesSource {
  toChatMessages(): BaseMessage[];
}

function isMessagesSource(value: unknown): value is ChatMessagesSource {
  return typeof (value as { toChatMessages?: unknown } | null)?.toChatMessages === "function";
}

/**
 * The messages a chat model receives for an input: a string is one human message, a list is
 * coerced message by message, a prompt value gives its messages, a single message is a list
 * of one. Anything else is an `InvalidInputError` that says what is accepted.
 */
export function toChatMessages(input: unknown): BaseMessage[] {
  if (typeof input === "string") return [new HumanMessage(input)];
  if (isMessagesSource(input)) return input.toChatMessages();
  if (isBaseMessage(input)) return [input];
  if (Array.isArray(input)) return input.map((m) => coerceMessageLikeToMessage(m as BaseMessageLike));
  throw new InvalidInputError(
    "A chat model accepts a string, a list of messages (or [role, content] pairs) or a prompt value; " +
      `got ${input === null ? "null" : typeof input}.`,
  );
}
