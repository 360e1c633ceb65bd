import { describe, expect, it } from "vitest";
import {
  AIMessage,
  AIMessageChunk,
  ChatMessage,
  FunctionMessage,
  HumanMessage,
  mapChatMessagesToStoredMessages,
  mapStoredMessagesToChatMessages,
  RemoveMessage,
  SystemMessage,
  ToolMessage,
} from "./index.js";

describe("mapChatMessagesToStoredMessages", () => {
  it("stores { type, data } with content, both metadata records and each kind's fields", () => {
    const stored = mapChatMessagesToStoredMessages([
      new HumanMessage({ content: "hi", id: "1", name: "bob" }),
      new AIMessage({ content: "yo", tool_calls: [{ id: "c1", name: "f", args: { a: 1 } }] }),
      new ToolMessage({ content: "r", tool_call_id: "c1" }),
      new ChatMessage("x", "critic"),
      new FunctionMessage({ content: "fc", name: "fn" }),
    ]);
    expect(stored).toEqual([
      {
        type: "human",
        data: { content: "hi", id: "1", name: "bob", additional_kwargs: {}, response_metadata: {} },
      },
      {
        type: "ai",
        data: {
          content: "yo",
          tool_calls: [{ id: "c1", name: "f", args: { a: 1 } }],
          additional_kwargs: {},
          response_metadata: {},
        },
      },
      {
        type: "tool",
        data: { content: "r", tool_call_id: "c1", additional_kwargs: {}, response_metadata: {} },
      },
      {
        type: "generic",
        data: { content: "x", role: "critic", additional_kwargs: {}, response_metadata: {} },
      },
      { type: "function", data: { content: "fc", name: "fn", additional_kwargs: {}, response_metadata: {} } },
    ]);
  });

  it("stores a chunk as the message it stands for", () => {
    const chunk = new AIMessageChunk({
      content: "",
      tool_call_chunks: [{ id: "c1", name: "f", args: '{"a":', index: 0 }],
    }).concat(new AIMessageChunk({ content: "", tool_call_chunks: [{ args: "1}", index: 0 }] }));
    const [stored] = mapChatMessagesToStoredMessages([chunk]);
    expect(stored?.data.tool_calls).toEqual([{ id: "c1", name: "f", args: { a: 1 }, type: "tool_call" }]);
    expect(stored?.data).not.toHaveProperty("tool_call_chunks");
  });
});

describe("mapStoredMessagesToChatMessages", () => {
  it("rebuilds every kind, the round trip keeping the fields", () => {
    const messages = [
      new SystemMessage("be brief"),
      new HumanMessage({ content: "hi", id: "1", name: "bob" }),
      new AIMessage({
        content: "yo",
        tool_calls: [{ id: "c1", name: "f", args: {} }],
        response_metadata: { m: 1 },
      }),
      new ToolMessage({ content: "r", tool_call_id: "c1", status: "error" }),
      new ChatMessage("x", "critic"),
      new FunctionMessage({ content: "fc", name: "fn" }),
      new RemoveMessage({ id: "1" }),
    ];
    const back = mapStoredMessagesToChatMessages(
      JSON.parse(JSON.stringify(mapChatMessagesToStoredMessages(messages))),
    );
    expect(back.map((message) => message.constructor)).toEqual(
      messages.map((message) => message.constructor),
    );
    expect(back.map((message) => message.toJSON())).toEqual(messages.map((message) => message.toJSON()));
  });

  it("reads the legacy { type, role, text } form and data written by hand", () => {
    const [legacy, manual] = mapStoredMessagesToChatMessages([
      { type: "human", role: undefined, text: "old" },
      { type: "ai", data: { content: "new", role: undefined, name: undefined, tool_call_id: undefined } },
    ]);
    expect(legacy).toBeInstanceOf(HumanMessage);
    expect(legacy?.content).toBe("old");
    expect(manual).toBeInstanceOf(AIMessage);
    expect(manual?.content).toBe("new");
  });

  it("names the record and the missing field when a record is wrong", () => {
    expect(() => mapStoredMessagesToChatMessages([{ type: "tool", data: { content: "x" } }])).toThrow(
      /Stored tool message 0 needs a string `data.tool_call_id`/,
    );
    expect(() => mapStoredMessagesToChatMessages([{ type: "generic", data: { content: "x" } }])).toThrow(
      /data.role/,
    );
    expect(() => mapStoredMessagesToChatMessages([{ type: "function", data: { content: "x" } }])).toThrow(
      /data.name/,
    );
    expect(() => mapStoredMessagesToChatMessages([{ type: "user", data: { content: "x" } }])).toThrow(
      /Unknown message type "user"/,
    );
    // @ts-expect-error: not a stored message
    expect(() => mapStoredMessagesToChatMessages([{ type: "human" }])).toThrow(
      /Stored message 0 has neither/,
    );
  });
});
