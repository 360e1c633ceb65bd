import { describe, expectTypeOf, it } from "vitest";
import {
  AIMessage,
  AIMessageChunk,
  type BaseMessage,
  type BaseMessageChunk,
  type ContentBlock,
  chunkToMessage,
  isAIMessageChunk,
  isBaseMessageChunk,
  messageFromJSON,
  messageToChunk,
  type ToolCall,
} from "./index.js";

describe("message types", () => {
  it("concat keeps the chunk class", () => {
    expectTypeOf(new AIMessageChunk("a").concat(new AIMessageChunk("b"))).toEqualTypeOf<AIMessageChunk>();
  });

  it("conversions keep AI messages precise", () => {
    expectTypeOf(messageToChunk(new AIMessage("a"))).toEqualTypeOf<AIMessageChunk>();
    expectTypeOf(chunkToMessage(new AIMessageChunk("a"))).toEqualTypeOf<AIMessage>();
    expectTypeOf(messageFromJSON({})).toEqualTypeOf<BaseMessage>();
  });

  it("guards narrow", () => {
    const value: unknown = null;
    if (isAIMessageChunk(value)) expectTypeOf(value.tool_calls).toEqualTypeOf<ToolCall[]>();
    if (isBaseMessageChunk(value)) expectTypeOf(value).toEqualTypeOf<BaseMessageChunk>();
  });

  it("content blocks narrow on type", () => {
    const block = { type: "thinking", thinking: "hm" } as ContentBlock;
    if (block.type === "image_url") expectTypeOf(block).toHaveProperty("image_url");
  });
});
