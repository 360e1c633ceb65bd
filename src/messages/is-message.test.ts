import { describe, expect, it } from "vitest";
import {
  AIMessage,
  AIMessageChunk,
  ChatMessage,
  HumanMessage,
  HumanMessageChunk,
  isAIMessage,
  isAIMessageChunk,
  isBaseMessage,
  isChatMessage,
  isHumanMessage,
  isHumanMessageChunk,
  isMessage,
  isSystemMessage,
  isSystemMessageChunk,
  isToolMessage,
  isToolMessageChunk,
  SystemMessage,
  SystemMessageChunk,
  ToolMessage,
  ToolMessageChunk,
} from "./index.js";

describe("isMessage", () => {
  it("accepts any object with a type and a string or array content", () => {
    expect(isMessage(new HumanMessage("hi"))).toBe(true);
    expect(isMessage(new AIMessageChunk({ content: [] }))).toBe(true);
    expect(isMessage({ type: "human", content: "hi" })).toBe(true);
    expect(isMessage({ type: "ai", content: [{ type: "text", text: "x" }] })).toBe(true);
  });

  it("rejects role objects, missing or wrong content, and non-objects", () => {
    expect(isMessage({ role: "user", content: "hi" })).toBe(false);
    expect(isMessage({ type: "human" })).toBe(false);
    expect(isMessage({ type: "human", content: 5 })).toBe(false);
    expect(isMessage(null)).toBe(false);
    expect(isMessage("human")).toBe(false);
    // Structural, unlike the branded isBaseMessage:
    expect(isBaseMessage({ type: "human", content: "hi" })).toBe(false);
  });
});

describe("the isXMessage guards", () => {
  const cases = [
    [new HumanMessage("a"), isHumanMessage, new HumanMessageChunk("a"), isHumanMessageChunk],
    [new AIMessage("a"), isAIMessage, new AIMessageChunk("a"), isAIMessageChunk],
    [new SystemMessage("a"), isSystemMessage, new SystemMessageChunk("a"), isSystemMessageChunk],
    [
      new ToolMessage("a", "c1"),
      isToolMessage,
      new ToolMessageChunk({ content: "a", tool_call_id: "c1" }),
      isToolMessageChunk,
    ],
  ] as const;

  it("match their kind, chunks included, and only chunk guards require a chunk", () => {
    for (const [message, isKind, chunk, isKindChunk] of cases) {
      expect(isKind(message)).toBe(true);
      expect(isKind(chunk)).toBe(true);
      expect(isKindChunk(chunk)).toBe(true);
      expect(isKindChunk(message)).toBe(false);
      expect(isKind(new ChatMessage("a", "critic"))).toBe(false);
      expect(isKind({ type: message.type, content: "a" })).toBe(false);
    }
    expect(isChatMessage(new ChatMessage("a", "critic"))).toBe(true);
  });
});
