import { InvalidInputError } from "../errors/input-errors.js";
import { isPlainObject } from "../internal/is-plain-object.js";
import { AIMessage } from "./ai-message.js";
import { BaseMessage } from "./base-message.js";
import { ChatMessage } from "./chat-message.js";
import { checkMessageContent } from "./check-message-content.js";
import type { MessageContent } from "./content-block.js";
import { HumanMessage } from "./human-message.js";
import { messageFromJSON } from "./message-from-json.js";
import { parseToolCallArgs } from "./parse-tool-call-args.js";
import { readForeignMessage } from "./read-foreign-message.js";
import { SystemMessage } from "./system-message.js";
import type { InvalidToolCall, ToolCall } from "./tool-call.js";
import { ToolMessage } from "./tool-message.js";

/** A role name as accepted in tuples and `{ role, content }` objects; other strings make a {@link ChatMessage}. */
export type MessageRole =
  | "human"
  | "user"
  | "ai"
  | "assistant"
  | "system"
  | "developer"
  | "tool"
  | (string & {});

/** A message written as a plain object, OpenAI style. `tool_calls` may be in Rivulet's or OpenAI's shape. */
export interface MessageLikeObject {
  role: MessageRole;
  content: MessageContent;
  name?: string;
  id?: string;
  tool_call_id?: string;
  tool_calls?: unknown[];
}

/**
 * Anything a prompt or a chat model accepts as a message: a message, a string (a human message),
 * a `[role, content]` tuple, or a `{ role, content }` object.
 *
 * @example
 * const messages: BaseMessageLike[] = [["system", "Be terse."], "Hi!", { role: "assistant", content: "Hello." }];
 */
export type BaseMessageLike =
  | BaseMessage
  | string
  | readonly [MessageRole, MessageContent]
  | MessageLikeObject;

/** Reads one tool call in Rivulet's shape (`{ name, args }`) or OpenAI's (`{ function: { name, arguments } }`). */
function readToolCall(raw: unknown, calls: ToolCall[], invalid: InvalidToolCall[]): void {
  if (!isPlainObject(raw)) throw new InvalidInputError("A tool call must be an object.");
  const id = typeof raw.id === "string" ? { id: raw.id } : {};
  if (isPlainObject(raw.args) && typeof raw.name === "string") {
    // Kept as given, as `@langchain/core` does: no `type` unless the call has one.
    const type = raw.type === "tool_call" ? { type: "tool_call" as const } : {};
    calls.push({ name: raw.name, args: raw.args, ...id, ...type });
    return;
  }
  const fn = isPlainObject(raw.function) ? raw.function : {};
  const name = typeof fn.name === "string" ? fn.name : "";
  const text = typeof fn.arguments === "string" ? fn.arguments : "{}";
  // A complete message: an unfinished prefix is as malformed as a syntax error.
  const args = parseToolCallArgs(text, { partial: false });
  if (args !== undefined) calls.push({ name, args, ...id, type: "tool_call" });
  else invalid.push({ name, args: text, ...id, error: "Malformed args.", type: "invalid_tool_call" });
}

function fromRole(
  role: MessageRole,
  content: MessageContent,
  extra: Partial<MessageLikeObject>,
): BaseMessage {
  const base = { content, name: extra.name, id: extra.id };
  switch (role) {
    case "human":
    case "user":
      return new HumanMessage(base);
    case "ai":
    case "assistant": {
      const tool_calls: ToolCall[] = [];
      const invalid_tool_calls: InvalidToolCall[] = [];
      for (const raw of extra.tool_calls ?? []) readToolCall(raw, tool_calls, invalid_tool_calls);
      return new AIMessage({ ...base, tool_calls, invalid_tool_calls });
    }
    case "system":
      return new SystemMessage(base);
    case "developer":
      // OpenAI's newer name for system instructions; the marker lets a provider send the role back.
      return new SystemMessage({ ...base, additional_kwargs: { __openai_role__: "developer" } });
    case "tool":
      if (extra.tool_call_id === undefined) {
        throw new InvalidInputError(
          "A tool message needs a `tool_call_id`: use { role: 'tool', content, tool_call_id }.",
        );
      }
      return new ToolMessage({ ...base, tool_call_id: extra.tool_call_id });
    default:
      return new ChatMessage({ ...base, role });
  }
}

/**
 * Turns a {@link BaseMessageLike} into a message: messages pass through, strings become human
 * messages, tuples and `{ role, content }` objects map their role (`user`/`human`,
 * `assistant`/`ai`, `system`, `developer`, `tool`; any other role gives a {@link ChatMessage}).
 * An object with a `type` instead of a `role` is read as serialised JSON (`messageFromJSON`), and
 * other libraries' messages are read as they are: `@langchain/core` message instances (recognised
 * by shape), their `lc: 1` JSON, stored-message records `{ type, data }` and LangServe's shapes.
 *
 * @example
 * coerceMessageLikeToMessage(["user", "hi"]); // HumanMessage(content='hi')
 */
export function coerceMessageLikeToMessage(like: BaseMessageLike): BaseMessage {
  if (typeof like === "string") return new HumanMessage(like);
  if (BaseMessage.isInstance(like)) return like;
  if (Array.isArray(like)) {
    const [role, content]: readonly unknown[] = like;
    if (like.length !== 2 || typeof role !== "string") {
      throw new InvalidInputError(
        `A message tuple is [role, content] with a string role, like ["user", "hi"]; got ` +
          (typeof role === "string"
            ? `${like.length} item(s).`
            : `a ${role === null ? "null" : typeof role} role.`),
      );
    }
    return fromRole(role, checkMessageContent(content, `A ["${role}", content] message's`), {});
  }
  const object: unknown = like;
  // Other libraries' messages (LangChain's instances, its lc:1 JSON, stored records, LangServe's shapes).
  const foreign = readForeignMessage(object);
  if (foreign !== undefined) return foreign;
  if (isPlainObject(object) && typeof object.role === "string") {
    const { role, content, ...extra } = object as unknown as MessageLikeObject;
    return fromRole(role, checkMessageContent(content, `A { role: "${role}" } message's`), extra);
  }
  if (isPlainObject(object) && typeof object.type === "string") return messageFromJSON(object);
  throw new InvalidInputError(
    "Cannot read a message from this value: expected a message, a string, [role, content] or { role, content }.",
  );
}
