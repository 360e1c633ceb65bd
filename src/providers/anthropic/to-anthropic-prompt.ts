import { InvalidInputError } from "../../errors/input-errors.js";
import type { AIMessage } from "../../messages/ai-message.js";
import type { BaseMessage } from "../../messages/base-message.js";
import type { ContentBlock, MessageContent } from "../../messages/content-block.js";
import { contentText } from "../../messages/content-block.js";
import type { ToolMessage } from "../../messages/tool-message.js";
import { compact, type JsonRecord, recordOf, stringOf } from "../internal/json-value.js";

/** A Messages API turn. */
export interface AnthropicMessage {
  role: "user" | "assistant";
  content: string | JsonRecord[];
}

/** The request's `system` field and its turns. */
export interface AnthropicPrompt {
  system: string | JsonRecord[] | undefined;
  messages: AnthropicMessage[];
}

/** An image part: a `data:` URL becomes a base64 source, any other URL a url source. */
function imageBlock(url: string): JsonRecord {
  const match = /^data:([^;,]+);base64,(.*)$/s.exec(url);
  if (match !== null)
    return { type: "image", source: { type: "base64", media_type: match[1], data: match[2] } };
  return { type: "image", source: { type: "url", url } };
}

/** One user-side part in Anthropic's shape; blocks already in its shape pass through without our merge index. */
function userBlock(block: ContentBlock): JsonRecord {
  if (block.type === "text") return { type: "text", text: block.text };
  if (block.type === "image_url") {
    const image: unknown = block.image_url;
    return imageBlock(typeof image === "string" ? image : (stringOf(recordOf(image).url) ?? ""));
  }
  const { index: _, ...rest } = block;
  return rest;
}

function userContent(content: MessageContent): string | JsonRecord[] {
  return typeof content === "string" ? content : content.map(userBlock);
}

/** An assistant turn: its thinking and text blocks (signatures kept, Anthropic checks them), then its tool calls. */
function assistantContent(message: AIMessage): string | JsonRecord[] {
  const blocks: JsonRecord[] = [];
  const content =
    typeof message.content === "string" ? [{ type: "text", text: message.content }] : message.content;
  for (const block of content) {
    if (block.type === "text" && typeof block.text === "string" && block.text !== "") {
      blocks.push({ type: "text", text: block.text });
    } else if (block.type === "thinking") {
      blocks.push(compact({ type: "thinking", thinking: block.thinking, signature: block.signature }));
    } else if (block.type === "redacted_thinking") {
      const { index: _, ...rest } = block;
      blocks.push(rest);
    }
  }
  for (const call of message.tool_calls) {
    blocks.push({ type: "tool_use", id: call.id, name: call.name, input: call.args });
  }
  return blocks;
}

function toolResult(message: ToolMessage): JsonRecord {
  return compact({
    type: "tool_result",
    tool_use_id: message.tool_call_id,
    content: typeof message.content === "string" ? message.content : message.content.map(userBlock),
    is_error: message.status === "error" ? true : undefined,
  });
}

function asBlocks(content: string | JsonRecord[]): JsonRecord[] {
  return typeof content === "string" ? (content === "" ? [] : [{ type: "text", text: content }]) : content;
}

/** Appends a turn, merging it into the previous one when both have the same role (tool results follow each other). */
function pushTurn(turns: AnthropicMessage[], turn: AnthropicMessage): void {
  const last = turns.at(-1);
  if (last !== undefined && last.role === turn.role) {
    last.content = [...asBlocks(last.content), ...asBlocks(turn.content)];
  } else {
    turns.push(turn);
  }
}

function systemField(parts: MessageContent[]): string | JsonRecord[] | undefined {
  if (parts.length === 0) return undefined;
  if (parts.every((p) => typeof p === "string")) return parts.join("\n\n");
  return parts.flatMap((p) => asBlocks(userContent(p)));
}

/**
 * Converts Rivulet messages to a Messages API prompt: system messages become the `system` field,
 * human → `user`, AI → `assistant` with thinking, text and `tool_use` blocks, tool results →
 * `tool_result` blocks in a `user` turn. Consecutive turns of one role are merged.
 */
export function toAnthropicPrompt(messages: readonly BaseMessage[]): AnthropicPrompt {
  const system: MessageContent[] = [];
  const turns: AnthropicMessage[] = [];
  for (const message of messages) {
    switch (message.getType()) {
      case "system":
        system.push(message.content);
        break;
      case "human":
        pushTurn(turns, { role: "user", content: userContent(message.content) });
        break;
      case "ai":
        pushTurn(turns, { role: "assistant", content: assistantContent(message as AIMessage) });
        break;
      case "tool":
        pushTurn(turns, { role: "user", content: [toolResult(message as ToolMessage)] });
        break;
      default:
        throw new InvalidInputError(
          `ChatAnthropic cannot send a "${message.getType()}" message (${contentText(message.content).slice(0, 40)})`,
        );
    }
  }
  return { system: systemField(system), messages: turns };
}
