import type { RunnableConfig } from "../config/runnable-config.js";
import { InvalidConfigError, InvalidInputError } from "../errors/input-errors.js";
import { isPlainObject } from "../internal/is-plain-object.js";
import { AIMessage } from "../messages/ai-message.js";
import { type BaseMessage, isBaseMessage } from "../messages/base-message.js";
import { type BaseMessageLike, coerceMessageLikeToMessage } from "../messages/coerce-message-like.js";
import { describeWrongValue } from "../messages/describe-wrong-value.js";
import { HumanMessage } from "../messages/human-message.js";
import { isBaseMessageChunk } from "../messages/message-chunk.js";
import { chunkToMessage } from "../messages/message-to-chunk.js";

/** Which value of an object to read messages from: the given key, the only key, or the default. */
function pickKey(value: Record<string, unknown>, key: string | undefined, fallback: string): string {
  if (key !== undefined) return key;
  const keys = Object.keys(value);
  return keys.length === 1 ? keys[0]! : fallback;
}

/**
 * Where an input or output holds its messages: an object's value at `key`, else at its only
 * key, else at `side` (`"input"` / `"output"`); anything else is read whole. `where` names it
 * for an error message.
 */
function readMessagesValue(
  container: unknown,
  key: string | undefined,
  side: "input" | "output",
): { value: unknown; where: string } {
  if (!isPlainObject(container)) return { value: container, where: `the ${side}` };
  const picked = pickKey(container, key, side);
  return { value: container[picked], where: `the ${side}'s "${picked}" key` };
}

/** What a wrong value was, for an error message ("nothing" when the key was absent). */
function describeValue(value: unknown): string {
  return value === undefined ? "nothing" : describeWrongValue(value);
}

/** Each item as a message (message-likes coerced); `failure` words the error for an item that is not one. */
function toMessages(
  items: readonly unknown[],
  failure: (index: number, item: unknown) => string,
): BaseMessage[] {
  return items.map((item, index) => {
    if (isBaseMessage(item)) return item;
    try {
      return coerceMessageLikeToMessage(item as BaseMessageLike);
    } catch (error) {
      throw new InvalidInputError(failure(index, item), { cause: error });
    }
  });
}

function listToMessages(items: readonly unknown[], side: "input" | "output"): BaseMessage[] {
  return toMessages(
    items,
    (index) =>
      `RunnableWithMessageHistory could not save the ${side}: item ${index} of its message list is not a message.`,
  );
}

/**
 * What a history's `getMessages()` gave, as messages: message-likes (`"text"`, `["human", "..."]`)
 * are coerced, as the prompt or model they go to would; anything else is an InvalidInputError,
 * so a store from another package, or a custom one with a bug, does not fail as a bare TypeError.
 */
export function storedMessagesOf(value: unknown): BaseMessage[] {
  const fix = "Return the session's messages (BaseMessage instances) from getMessages().";
  if (!Array.isArray(value)) {
    throw new InvalidInputError(
      `RunnableWithMessageHistory needs the history's getMessages() to give a list of messages, got ${describeValue(value)}. ${fix}`,
    );
  }
  return toMessages(
    value,
    (index, item) =>
      `RunnableWithMessageHistory read the history: item ${index} of getMessages()'s list is not a message ` +
      `(got ${describeWrongValue(item)}). ${fix}`,
  );
}

/**
 * The messages a call adds to the history from its input: a string is a human message, a
 * message is itself, a list is its messages (message-likes accepted); an object is read at
 * `inputMessagesKey`, else at its only key, else at `"input"`, as in `@langchain/core`.
 */
export function inputMessagesOf(input: unknown, inputMessagesKey: string | undefined): BaseMessage[] {
  const { value, where } = readMessagesValue(input, inputMessagesKey, "input");
  if (typeof value === "string") return [new HumanMessage(value)];
  if (isBaseMessage(value)) return [value];
  if (Array.isArray(value)) return listToMessages(value, "input");
  throw new InvalidInputError(
    `RunnableWithMessageHistory reads the new messages from ${where}: expected a string, a message or a list of ` +
      `messages, got ${describeValue(value)}. Set inputMessagesKey to the key that holds the user's message.`,
  );
}

/**
 * The messages a call adds to the history from its output: a string is an AI message, a
 * message is itself (a streamed chunk becomes its message), a list is its messages; an object
 * is read at `outputMessagesKey`, else at its only key, else at `"output"`.
 */
export function outputMessagesOf(output: unknown, outputMessagesKey: string | undefined): BaseMessage[] {
  const { value, where } = readMessagesValue(output, outputMessagesKey, "output");
  if (typeof value === "string") return [new AIMessage(value)];
  if (isBaseMessage(value)) return [isBaseMessageChunk(value) ? chunkToMessage(value) : value];
  if (Array.isArray(value)) return listToMessages(value, "output");
  throw new InvalidInputError(
    `RunnableWithMessageHistory saves the reply from ${where}: expected a string, a message or a list of ` +
      `messages, got ${describeValue(value)}. Set outputMessagesKey to the key that holds the reply.`,
  );
}

/**
 * The session id of a call, from `config.configurable.sessionId`. Missing or not a non-empty
 * string is an `InvalidConfigError` showing the call to write.
 */
export function sessionIdOf(config: RunnableConfig, inputMessagesKey: string | undefined): string {
  const sessionId = config.configurable?.sessionId;
  if (typeof sessionId === "string" && sessionId !== "") return sessionId;
  const example = `chain.invoke(${JSON.stringify({ [inputMessagesKey ?? "input"]: "..." })}, { configurable: { sessionId: "user-123" } })`;
  const problem =
    sessionId === undefined || sessionId === null || sessionId === ""
      ? "needs a session id"
      : `needs a session id as a non-empty string, got ${describeWrongValue(sessionId)}`;
  throw new InvalidConfigError(
    `RunnableWithMessageHistory ${problem}: pass it in the config's configurable, e.g. ${example} (or .stream() with the same config).`,
  );
}
