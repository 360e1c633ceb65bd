import { isAIMessage } from "../messages/ai-message.js";
import { isAIMessageChunk } from "../messages/ai-message-chunk.js";
import type { BaseMessage } from "../messages/base-message.js";
import { toChatMessages } from "../messages/to-chat-messages.js";
import { isToolMessage } from "../messages/tool-message.js";

/** One part of a message in the GenAI conventions' `gen_ai.input.messages` shape. */
type GenAIPart =
  | { type: "text"; content: string }
  | { type: "tool_call"; id: string | undefined; name: string; arguments: unknown }
  | { type: "tool_call_response"; id: string; response: unknown };

/** A message as the GenAI conventions record it (`role` and `parts`). */
export interface GenAIMessage {
  role: string;
  parts: GenAIPart[];
  finish_reason?: string;
}

const ROLES: Record<string, string> = { human: "user", ai: "assistant", system: "system", tool: "tool" };

/** A message in the conventions' shape: its text, its tool calls, or the tool result it carries. */
export function toGenAIMessage(message: BaseMessage, finishReason?: string): GenAIMessage {
  const type = message.getType();
  const parts: GenAIPart[] = [];
  if (isToolMessage(message)) {
    parts.push({ type: "tool_call_response", id: message.tool_call_id, response: message.content });
  } else if (message.text !== "") {
    parts.push({ type: "text", content: message.text });
  }
  if (isAIMessage(message) || isAIMessageChunk(message)) {
    for (const call of message.tool_calls ?? []) {
      parts.push({ type: "tool_call", id: call.id, name: call.name, arguments: call.args });
    }
  }
  const role = ROLES[type] ?? type;
  return finishReason === undefined ? { role, parts } : { role, parts, finish_reason: finishReason };
}

/** A chat model's input as conventions' messages, or undefined when it is not message-like. */
export function inputMessages(input: unknown): GenAIMessage[] | undefined {
  try {
    return toChatMessages(input).map((message) => toGenAIMessage(message));
  } catch {
    return undefined; // not message-like: the span records no content rather than a guess
  }
}
