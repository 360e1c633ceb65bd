import { AIMessage } from "../messages/ai-message.js";
import { AIMessageChunk } from "../messages/ai-message-chunk.js";
import type { BaseMessage } from "../messages/base-message.js";
import type { ToolCallChunk } from "../messages/tool-call.js";

/**
 * How a fake streams a scripted answer: its text one character per chunk, then (for an AI
 * message) a last chunk carrying its tool calls as fragments with JSON arguments, its usage and
 * its response metadata. Folded back, the chunks give the message's text, tool calls and usage.
 *
 * @example
 * scriptedResponseChunks(new AIMessage({ content: "", tool_calls: [{ name: "search", args: { q: "x" }, id: "c1" }] }));
 * // [AIMessageChunk { tool_call_chunks: [{ index: 0, id: "c1", name: "search", args: '{"q":"x"}' }] }]
 */
export function scriptedResponseChunks(message: BaseMessage): AIMessageChunk[] {
  const chunks = [...message.text].map((letter) => new AIMessageChunk(letter));
  if (!AIMessage.isInstance(message)) return chunks.length === 0 ? [new AIMessageChunk("")] : chunks;
  const toolCallChunks = message.tool_calls.map((call, index) => {
    const fragment: ToolCallChunk = {
      index,
      name: call.name,
      args: JSON.stringify(call.args),
      type: "tool_call_chunk",
    };
    if (call.id !== undefined) fragment.id = call.id;
    return fragment;
  });
  const last = new AIMessageChunk({
    content: "",
    tool_call_chunks: toolCallChunks,
    usage_metadata: message.usage_metadata,
    response_metadata: { ...message.response_metadata },
  });
  return [...chunks, last];
}
