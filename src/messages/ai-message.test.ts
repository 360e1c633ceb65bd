import { FakeStreamingChatModel } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { AIMessage } from "./ai-message.js";
import { AIMessageChunk } from "./ai-message-chunk.js";
import { coerceMessageLikeToMessage } from "./coerce-message-like.js";
import { messageFromJSON } from "./message-from-json.js";
import { chunkToMessage, messageToChunk } from "./message-to-chunk.js";
import type { ToolCall } from "./tool-call.js";

const calls = (): ToolCall[] => [{ name: "f", args: { a: 1 }, id: "x" }];

// @langchain/core 1.4 keeps tool calls given to a message as they are: no `type` is added.
describe("messages built from tool_calls keep them as given", () => {
  it("AIMessage and AIMessageChunk", () => {
    expect(new AIMessage({ content: "", tool_calls: calls() }).tool_calls).toEqual(calls());
    expect(new AIMessageChunk({ content: "", tool_calls: calls() }).tool_calls).toEqual(calls());
    const typed: ToolCall[] = [{ ...calls()[0]!, type: "tool_call" }];
    expect(new AIMessage({ content: "", tool_calls: typed }).tool_calls).toEqual(typed);
  });

  it("through concat with chunks that hold no fragments, on either side", () => {
    const withCalls = () => new AIMessageChunk({ content: "", tool_calls: calls() });
    const other: ToolCall[] = [{ name: "g", args: {}, id: "y" }];
    expect(withCalls().concat(new AIMessageChunk("hi")).tool_calls).toEqual(calls());
    expect(new AIMessageChunk("hi").concat(withCalls()).tool_calls).toEqual(calls());
    expect(withCalls().concat(new AIMessageChunk({ content: "", tool_calls: other })).tool_calls).toEqual([
      ...calls(),
      ...other,
    ]);
    // A call without an id stays a call here too (it only becomes invalid when read from fragments).
    const noId: ToolCall[] = [{ name: "f", args: { a: 1 } }];
    const merged = new AIMessageChunk({ content: "", tool_calls: noId }).concat(new AIMessageChunk("hi"));
    expect(merged.tool_calls).toEqual(noId);
    expect(merged.invalid_tool_calls).toEqual([]);
  });

  it("a message-like object's calls in Rivulet's shape, and a serialised AI message's", () => {
    const message = coerceMessageLikeToMessage({ role: "assistant", content: "", tool_calls: calls() });
    if (!AIMessage.isInstance(message)) throw new Error("expected an AIMessage");
    expect(message.tool_calls).toEqual(calls());
    const read = messageFromJSON({ type: "ai", content: "", tool_calls: calls() });
    if (!AIMessage.isInstance(read)) throw new Error("expected an AIMessage");
    expect(read.tool_calls).toEqual(calls());
  });

  it("through messageToChunk, chunkToMessage, JSON and a model's aggregated output (Rivulet's own paths)", async () => {
    const message = new AIMessage({ content: "", tool_calls: calls() });
    expect(chunkToMessage(messageToChunk(message).concat(new AIMessageChunk("!"))).tool_calls).toEqual(
      calls(),
    );
    const chunk = new AIMessageChunk({ content: "", tool_calls: [{ name: "f", args: { a: 1 } }] });
    const copy = messageFromJSON(JSON.parse(JSON.stringify(chunk)));
    if (!AIMessageChunk.isInstance(copy)) throw new Error("expected an AIMessageChunk");
    expect(copy.tool_calls).toEqual([{ name: "f", args: { a: 1 } }]);
    expect(copy.invalid_tool_calls).toEqual([]);
    const model = new FakeStreamingChatModel({
      chunks: [new AIMessageChunk("Calling f."), new AIMessageChunk({ content: "", tool_calls: calls() })],
    });
    const output = await model.invoke("go");
    expect(output.tool_calls).toEqual(calls());
    expect(output.text).toBe("Calling f.");
  });
});
