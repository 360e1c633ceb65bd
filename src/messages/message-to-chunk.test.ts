import { describe, expect, it } from "vitest";
import { AIMessage } from "./ai-message.js";
import { AIMessageChunk } from "./ai-message-chunk.js";
import { ChatMessage } from "./chat-message.js";
import { HumanMessage } from "./human-message.js";
import { chunkToMessage, messageToChunk } from "./message-to-chunk.js";
import { SystemMessage } from "./system-message.js";
import { ToolMessage } from "./tool-message.js";

describe("messageToChunk / chunkToMessage", () => {
  it("converts every kind both ways", () => {
    const messages = [
      new HumanMessage({ content: "a", id: "1" }),
      new SystemMessage("b"),
      new AIMessage({ content: "c", tool_calls: [{ name: "f", args: { x: 1 }, id: "t" }] }),
      new ToolMessage({ content: "d", tool_call_id: "t", artifact: [1] }),
      new ChatMessage("e", "observer"),
    ];
    for (const message of messages) {
      const chunk = messageToChunk(message);
      expect(chunk.toJSON().chunk).toBe(true);
      expect(String(chunk)).toMatch(/^[A-Za-z]+MessageChunk\(content=/);
      const back = chunkToMessage(chunk);
      expect(back.constructor).toBe(message.constructor);
      expect(String(back)).toBe(String(message));
    }
  });

  it("turns a folded AI stream into an AIMessage with parsed tool calls", () => {
    const folded = new AIMessageChunk({
      content: "",
      tool_call_chunks: [{ index: 0, id: "c1", name: "f", args: '{"a"' }],
    }).concat(new AIMessageChunk({ content: "", tool_call_chunks: [{ index: 0, args: ": 1}" }] }));
    const message = chunkToMessage(folded);
    expect(AIMessageChunk.isInstance(message)).toBe(false);
    expect(message.tool_calls).toEqual([{ name: "f", args: { a: 1 }, id: "c1", type: "tool_call" }]);
  });

  it("returns chunks and messages unchanged where there is nothing to convert", () => {
    const chunk = new AIMessageChunk("x");
    const message = new AIMessage("x");
    expect(messageToChunk(chunk)).toBe(chunk);
    expect(chunkToMessage(message)).toBe(message);
  });
});
