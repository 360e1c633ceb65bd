import { InvalidInputError } from "../../errors/input-errors.js";
import type { AIMessage } from "../../messages/ai-message.js";
import type { BaseMessage } from "../../messages/base-message.js";
import { contentText, type MessageContent } from "../../messages/content-block.js";
import type { ToolMessage } from "../../messages/tool-message.js";
import { compact, type JsonRecord, recordOf, stringOf } from "../internal/json-value.js";

/** The base64 data of the content's `data:` image URLs (Ollama takes images as bare base64). */
function imagesOf(content: MessageContent): string[] | undefined {
  if (typeof content === "string") return undefined;
  const images: string[] = [];
  for (const block of content) {
    if (block.type !== "image_url") continue;
    const image: unknown = block.image_url;
    const url = typeof image === "string" ? image : (stringOf(recordOf(image).url) ?? "");
    const match = /^data:[^;,]+;base64,(.*)$/s.exec(url);
    if (match?.[1] === undefined) {
      throw new InvalidInputError(
        "ChatOllama takes images as data: URLs (base64); fetch remote images first",
      );
    }
    images.push(match[1]);
  }
  return images.length > 0 ? images : undefined;
}

function assistantMessage(message: AIMessage): JsonRecord {
  const calls = message.tool_calls.map((call) => ({ function: { name: call.name, arguments: call.args } }));
  return compact({
    role: "assistant",
    content: contentText(message.content),
    tool_calls: calls.length > 0 ? calls : undefined,
  });
}

/**
 * Converts Rivulet messages to `/api/chat` messages: system, user (text plus base64 `images`),
 * assistant with `tool_calls` (arguments as objects), and tool results (`tool_name` from the
 * message's name when set).
 */
export function toOllamaMessages(messages: readonly BaseMessage[]): JsonRecord[] {
  return messages.map((message): JsonRecord => {
    switch (message.getType()) {
      case "system":
        return { role: "system", content: contentText(message.content) };
      case "human":
        return compact({
          role: "user",
          content: contentText(message.content),
          images: imagesOf(message.content),
        });
      case "ai":
        return assistantMessage(message as AIMessage);
      case "tool":
        return compact({
          role: "tool",
          content: contentText(message.content),
          tool_name: message.name,
          tool_call_id: (message as ToolMessage).tool_call_id || undefined,
        });
      default:
        throw new InvalidInputError(`ChatOllama cannot send a message of type "${message.getType()}"`);
    }
  });
}
