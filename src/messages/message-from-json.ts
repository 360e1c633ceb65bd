import { InvalidInputError } from "../errors/input-errors.js";
import { isPlainObject } from "../internal/is-plain-object.js";
import { AIMessage } from "./ai-message.js";
import { AIMessageChunk } from "./ai-message-chunk.js";
import type { BaseMessage, BaseMessageFields } from "./base-message.js";
import { ChatMessage } from "./chat-message.js";
import { ChatMessageChunk } from "./chat-message-chunk.js";
import { FunctionMessage } from "./function-message.js";
import { FunctionMessageChunk } from "./function-message-chunk.js";
import { HumanMessage } from "./human-message.js";
import { HumanMessageChunk } from "./human-message-chunk.js";
import { MESSAGE_TYPES, type MessageJSON } from "./message-json.js";
import { RemoveMessage } from "./remove-message.js";
import { SystemMessage } from "./system-message.js";
import { SystemMessageChunk } from "./system-message-chunk.js";
import { ToolMessage } from "./tool-message.js";
import { ToolMessageChunk } from "./tool-message-chunk.js";

function checkJSON(value: unknown): MessageJSON {
  if (!isPlainObject(value)) throw new InvalidInputError("A serialised message must be a plain object.");
  if (typeof value.type !== "string" || !MESSAGE_TYPES.has(value.type)) {
    throw new InvalidInputError(
      `Unknown message type ${JSON.stringify(value.type)}: expected human, ai, system, tool, generic, function or remove.`,
    );
  }
  if (typeof value.content !== "string" && !Array.isArray(value.content)) {
    throw new InvalidInputError("A serialised message needs `content`: a string or an array of blocks.");
  }
  checkOptionalFields(value);
  return value as unknown as MessageJSON;
}

const OBJECT_FIELDS = ["additional_kwargs", "response_metadata", "usage_metadata"] as const;
const LIST_FIELDS = ["tool_calls", "invalid_tool_calls", "tool_call_chunks"] as const;
const STRING_FIELDS = ["id", "name"] as const;

/**
 * The optional fields, when present, are of their kind: a malformed one (`tool_calls: "no"`) is
 * refused here rather than kept and met later by whatever walks it (a provider, an encoder).
 */
function checkOptionalFields(value: Record<string, unknown>): void {
  const wrong = (field: string, kind: string) =>
    new InvalidInputError(
      `A serialised message's \`${field}\` must be ${kind} when given (got ${Array.isArray(value[field]) ? "an array" : typeof value[field]}).`,
    );
  // null stands for "not given", as other serialisers (pydantic's) write absent fields.
  const given = (field: string) => value[field] !== undefined && value[field] !== null;
  for (const field of OBJECT_FIELDS) {
    if (given(field) && !isPlainObject(value[field])) throw wrong(field, "a plain object");
  }
  for (const field of LIST_FIELDS) {
    if (given(field) && !Array.isArray(value[field])) throw wrong(field, "an array");
  }
  for (const field of STRING_FIELDS) {
    if (given(field) && typeof value[field] !== "string") throw wrong(field, "a string");
  }
}

function baseFields(json: MessageJSON): BaseMessageFields {
  return {
    content: json.content,
    additional_kwargs: json.additional_kwargs,
    response_metadata: json.response_metadata,
    id: json.id,
    name: json.name,
  };
}

function buildAI(json: MessageJSON): AIMessage {
  const fields = { ...baseFields(json), usage_metadata: json.usage_metadata };
  const calls = { tool_calls: json.tool_calls, invalid_tool_calls: json.invalid_tool_calls };
  // A chunk carries its fragments, or (built from complete calls) the calls themselves.
  if (json.chunk === true) {
    return new AIMessageChunk({ ...fields, tool_call_chunks: json.tool_call_chunks, ...calls });
  }
  return new AIMessage({ ...fields, ...calls });
}

function buildTool(json: MessageJSON): ToolMessage {
  if (typeof json.tool_call_id !== "string") {
    throw new InvalidInputError("A serialised tool message needs a string `tool_call_id`.");
  }
  const fields = { ...baseFields(json), tool_call_id: json.tool_call_id, status: json.status };
  const withArtifact = "artifact" in json ? { ...fields, artifact: json.artifact } : fields;
  return json.chunk === true ? new ToolMessageChunk(withArtifact) : new ToolMessage(withArtifact);
}

function buildChat(json: MessageJSON): ChatMessage {
  if (typeof json.role !== "string")
    throw new InvalidInputError("A serialised chat message needs a string `role`.");
  const fields = { ...baseFields(json), role: json.role };
  return json.chunk === true ? new ChatMessageChunk(fields) : new ChatMessage(fields);
}

function buildFunction(json: MessageJSON): FunctionMessage {
  if (typeof json.name !== "string") {
    throw new InvalidInputError("A serialised function message needs a string `name` (the function's).");
  }
  const fields = { ...baseFields(json), name: json.name };
  return json.chunk === true ? new FunctionMessageChunk(fields) : new FunctionMessage(fields);
}

function buildRemove(json: MessageJSON): RemoveMessage {
  if (typeof json.id !== "string") {
    throw new InvalidInputError(
      "A serialised remove message needs the string `id` of the message it removes.",
    );
  }
  const { additional_kwargs, response_metadata } = json;
  return new RemoveMessage({ id: json.id, additional_kwargs, response_metadata });
}

/**
 * Rebuilds a message from the object `toJSON()` gave (or that object after a JSON round trip):
 * `type` and `chunk` pick the class. Throws an `InvalidInputError` naming what is wrong when the
 * object is not a serialised message.
 *
 * @example
 * const copy = messageFromJSON(JSON.parse(JSON.stringify(message)));
 */
export function messageFromJSON(value: unknown): BaseMessage {
  const json = checkJSON(value);
  const chunk = json.chunk === true;
  switch (json.type) {
    case "human":
      return chunk ? new HumanMessageChunk(baseFields(json)) : new HumanMessage(baseFields(json));
    case "system":
      return chunk ? new SystemMessageChunk(baseFields(json)) : new SystemMessage(baseFields(json));
    case "ai":
      return buildAI(json);
    case "tool":
      return buildTool(json);
    case "generic":
      return buildChat(json);
    case "function":
      return buildFunction(json);
    case "remove":
      return buildRemove(json);
  }
}

/** Rebuilds a list of messages with {@link messageFromJSON}. */
export function messagesFromJSON(values: readonly unknown[]): BaseMessage[] {
  return values.map(messageFromJSON);
}
