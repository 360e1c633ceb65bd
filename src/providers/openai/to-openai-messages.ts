import { InvalidInputError } from "../../errors/input-errors.js";
import type { AIMessage } from "../../messages/ai-message.js";
import type { BaseMessage } from "../../messages/base-message.js";
import type { ChatMessage } from "../../messages/chat-message.js";
import { type ContentBlock, contentText, type MessageContent } from "../../messages/content-block.js";
import type { ToolMessage } from "../../messages/tool-message.js";
import { compact, type JsonRecord } from "../internal/json-value.js";

/** One part of an OpenAI user message. */
function toOpenAIPart(block: ContentBlock): JsonRecord {
  if (block.type === "text") return { type: "text", text: block.text };
  if (block.type === "image_url") {
    const image = block.image_url;
    return { type: "image_url", image_url: typeof image === "string" ? { url: image } : image };
  }
  // Other parts (input_audio, file...) are already in OpenAI's shape; only our merge index goes.
  const { index: _, ...rest } = block;
  return rest;
}

function toOpenAIContent(content: MessageContent): string | JsonRecord[] {
  return typeof content === "string" ? content : content.map(toOpenAIPart);
}

function assistantMessage(message: AIMessage): JsonRecord {
  const toolCalls = message.tool_calls.map((call) => ({
    id: call.id,
    type: "function",
    function: { name: call.name, arguments: JSON.stringify(call.args) },
  }));
  const text = contentText(message.content);
  return compact({
    role: "assistant",
    // OpenAI wants null, not "", for an assistant turn that only calls tools.
    content: text === "" && toolCalls.length > 0 ? null : text,
    name: message.name,
    tool_calls: toolCalls.length > 0 ? toolCalls : undefined,
  });
}

/**
 * Converts Rivulet messages to Chat Completions messages: system → `system`, human → `user`
 * (text and image parts), AI → `assistant` with `tool_calls` (arguments as JSON text), tool
 * results → `tool` with `tool_call_id`, a `ChatMessage` → its own role.
 */
export function toOpenAIMessages(messages: readonly BaseMessage[]): JsonRecord[] {
  return messages.map((message): JsonRecord => {
    switch (message.getType()) {
      case "system": {
        // `coerceMessageLikeToMessage` marks OpenAI's "developer" role so it can go back as sent.
        const role = message.additional_kwargs.__openai_role__ === "developer" ? "developer" : "system";
        return compact({ role, content: toOpenAIContent(message.content), name: message.name });
      }
      case "human":
        return compact({ role: "user", content: toOpenAIContent(message.content), name: message.name });
      case "ai":
        return assistantMessage(message as AIMessage);
      case "tool": {
        const tool = message as ToolMessage;
        const content = typeof tool.content === "string" ? tool.content : contentText(tool.content);
        return { role: "tool", tool_call_id: tool.tool_call_id, content };
      }
      case "generic":
        return { role: (message as ChatMessage).role, content: toOpenAIContent(message.content) };
      default:
        throw new InvalidInputError(`ChatOpenAI cannot send a message of type "${message.getType()}"`);
    }
  });
}
