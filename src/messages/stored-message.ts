import { InvalidInputError } from "../errors/input-errors.js";
import { isPlainObject } from "../internal/is-plain-object.js";
import type { BaseMessage } from "./base-message.js";
import type { MessageContent } from "./content-block.js";
import { messageFromJSON } from "./message-from-json.js";
import type { MessageJSON } from "./message-json.js";
import { chunkToMessage } from "./message-to-chunk.js";
import type { InvalidToolCall, ToolCall } from "./tool-call.js";
import type { UsageMetadata } from "./usage-metadata.js";

/**
 * The fields of a stored message (`@langchain/core`'s `StoredMessageData`): the content, the
 * metadata records, and the fields of its kind (`role` of a chat message, `tool_call_id` of a tool
 * message, `tool_calls` of an AI message...).
 */
export interface StoredMessageData {
  content: MessageContent;
  role?: string | undefined;
  name?: string | undefined;
  tool_call_id?: string | undefined;
  additional_kwargs?: Record<string, unknown> | undefined;
  response_metadata?: Record<string, unknown> | undefined;
  id?: string | undefined;
  tool_calls?: ToolCall[] | undefined;
  invalid_tool_calls?: InvalidToolCall[] | undefined;
  usage_metadata?: UsageMetadata | undefined;
  status?: "success" | "error" | undefined;
  artifact?: unknown;
}

/**
 * A message as chat histories store it: `{ type, data }`, with `type` one of `"human"`, `"ai"`,
 * `"system"`, `"tool"`, `"generic"`, `"function"`, `"remove"` (`@langchain/core`'s `StoredMessage`).
 *
 * @example
 * { type: "human", data: { content: "hi", additional_kwargs: {}, response_metadata: {} } }
 */
export interface StoredMessage {
  type: string;
  data: StoredMessageData;
}

/** The oldest stored form, `{ type, role, text }`, still read by {@link mapStoredMessagesToChatMessages}. */
export interface StoredMessageV1 {
  type: string;
  role?: string | undefined;
  text: string;
}

/** The `data` of a legacy `{ type, role, text }` record, or the record's own `data`. */
function storedData(stored: StoredMessage | StoredMessageV1, position: number): StoredMessageData {
  if ("data" in stored) {
    if (!isPlainObject(stored.data)) {
      throw new InvalidInputError(`Stored message ${position} has a \`data\` that is not an object.`);
    }
    return stored.data;
  }
  if (typeof stored.text !== "string") {
    throw new InvalidInputError(
      `Stored message ${position} has neither \`data\` nor a string \`text\`: expected { type, data: { content, ... } }.`,
    );
  }
  return { content: stored.text, role: stored.role };
}

const REQUIRED_FIELD: Readonly<Record<string, keyof StoredMessageData>> = {
  tool: "tool_call_id",
  generic: "role",
  function: "name",
  remove: "id",
};

function storedToMessage(stored: StoredMessage | StoredMessageV1, position: number): BaseMessage {
  if (!isPlainObject(stored) || typeof stored.type !== "string") {
    throw new InvalidInputError(`Stored message ${position} is not a { type, data } object.`);
  }
  const data = storedData(stored, position);
  const required = REQUIRED_FIELD[stored.type];
  if (required !== undefined && typeof data[required] !== "string") {
    throw new InvalidInputError(
      `Stored ${stored.type} message ${position} needs a string \`data.${required}\`; got ${typeof data[required]}.`,
    );
  }
  // The stored data is the message's JSON form without its type: messageFromJSON checks the rest.
  return messageFromJSON({ ...data, type: stored.type });
}

/**
 * Rebuilds messages from their stored form (`{ type, data }`, or the legacy `{ type, role, text }`),
 * as `@langchain/core`'s function of that name does: a chat history reads its store with it. A
 * record of unknown type, or one missing its kind's field (`tool_call_id` for `"tool"`, `role` for
 * `"generic"`, `name` for `"function"`), is an `InvalidInputError` naming the record.
 *
 * @example
 * mapStoredMessagesToChatMessages([{ type: "ai", data: { content: "hello" } }]); // [AIMessage("hello")]
 */
export function mapStoredMessagesToChatMessages(
  messages: ReadonlyArray<StoredMessage | StoredMessageV1>,
): BaseMessage[] {
  return messages.map(storedToMessage);
}

/** The stored form of one message: its type, and its JSON fields with both metadata records. */
function messageToStored(message: BaseMessage): StoredMessage {
  // A chunk is stored as the message it stands for (its tool calls parsed, fragments dropped).
  const { type, chunk: _chunk, ...fields }: MessageJSON = chunkToMessage(message).toJSON();
  return {
    type,
    data: {
      ...fields,
      additional_kwargs: message.additional_kwargs,
      response_metadata: message.response_metadata,
    },
  };
}

/**
 * The stored form of messages, `{ type, data: { content, additional_kwargs, response_metadata, ...
 * } }`, as `@langchain/core`'s function of that name gives it; {@link mapStoredMessagesToChatMessages}
 * reads it back. A chunk is stored as its message (tool calls parsed).
 *
 * @example
 * mapChatMessagesToStoredMessages([new HumanMessage("hi")]);
 * // [{ type: "human", data: { content: "hi", additional_kwargs: {}, response_metadata: {} } }]
 */
export function mapChatMessagesToStoredMessages(messages: readonly BaseMessage[]): StoredMessage[] {
  return messages.map(messageToStored);
}
