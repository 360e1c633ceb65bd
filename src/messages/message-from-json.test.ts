import { describe, expect, it } from "vitest";
import { AIMessage } from "./ai-message.js";
import { AIMessageChunk } from "./ai-message-chunk.js";
import type { BaseMessage } from "./base-message.js";
import { ChatMessage } from "./chat-message.js";
import { ChatMessageChunk } from "./chat-message-chunk.js";
import { HumanMessage } from "./human-message.js";
import { HumanMessageChunk } from "./human-message-chunk.js";
import { messageFromJSON, messagesFromJSON } from "./message-from-json.js";
import { SystemMessage } from "./system-message.js";
import { SystemMessageChunk } from "./system-message-chunk.js";
import { ToolMessage } from "./tool-message.js";
import { ToolMessageChunk } from "./tool-message-chunk.js";

const usage = { input_tokens: 3, output_tokens: 1, total_tokens: 4 };

const samples: BaseMessage[] = [
  new HumanMessage({
    content: [
      { type: "text", text: "Describe" },
      { type: "image_url", image_url: "data:," },
    ],
    id: "h1",
  }),
  new HumanMessageChunk({ content: "hi", name: "ann" }),
  new SystemMessage("Be terse."),
  new SystemMessageChunk({ content: "Be", additional_kwargs: { __openai_role__: "developer" } }),
  new AIMessage({
    content: "",
    id: "run-1",
    tool_calls: [{ name: "f", args: { a: 1 }, id: "c1" }],
    invalid_tool_calls: [{ name: "g", args: "oops", id: "c2", error: "Malformed args." }],
    usage_metadata: usage,
    response_metadata: { finish_reason: "tool_calls" },
  }),
  new AIMessageChunk({
    content: "Hi",
    id: "run-2",
    tool_call_chunks: [{ index: 0, id: "c1", name: "f", args: '{"a":' }],
    usage_metadata: usage,
  }),
  new ToolMessage({ content: "18°C", tool_call_id: "c1", status: "success", artifact: { raw: [1, 2] } }),
  new ToolMessageChunk({ content: "18", tool_call_id: "c1", status: "error" }),
  new ChatMessage("Checked.", "observer"),
  new ChatMessageChunk({ content: "Chec", role: "observer", id: "m9" }),
];

describe("toJSON / messageFromJSON", () => {
  it.each(samples.map((message) => [message.toString(), message] as const))(
    "round-trips %s",
    (_, message) => {
      const json = JSON.parse(JSON.stringify(message));
      const copy = messageFromJSON(json);
      expect(copy.constructor).toBe(message.constructor);
      expect(copy.toJSON()).toEqual(message.toJSON());
      expect(copy.toString()).toBe(message.toString());
    },
  );

  it("writes a stable, compact object with a chunk marker", () => {
    expect(new AIMessageChunk({ content: "Hi", id: "run-1" }).toJSON()).toEqual({
      type: "ai",
      chunk: true,
      content: "Hi",
      id: "run-1",
    });
    expect(Object.keys(new ToolMessage("x", "c1").toJSON())).toEqual(["type", "content", "tool_call_id"]);
  });

  it("keeps only the fragments of a chunk and derives its tool calls back", () => {
    const json = samples[5]!.toJSON();
    expect(json.tool_calls).toBeUndefined();
    const copy = messageFromJSON(json) as AIMessageChunk;
    expect(copy.tool_calls).toEqual([{ name: "f", args: {}, id: "c1", type: "tool_call" }]);
  });

  it("reads lists and rejects what is not a message", () => {
    expect(messagesFromJSON(samples.map((m) => m.toJSON())).map(String)).toEqual(samples.map(String));
    expect(() => messageFromJSON(null)).toThrow(/plain object/);
    expect(() => messageFromJSON({ type: "bot", content: "" })).toThrow(/Unknown message type "bot"/);
    expect(() => messageFromJSON({ type: "ai" })).toThrow(/content/);
    expect(() => messageFromJSON({ type: "tool", content: "" })).toThrow(/tool_call_id/);
    expect(() => messageFromJSON({ type: "generic", content: "" })).toThrow(/role/);
  });
});

describe("messageFromJSON refuses malformed optional fields", () => {
  it("names the field and its kind instead of keeping it", () => {
    const ai = { type: "ai", content: "x" };
    expect(() => messageFromJSON({ ...ai, tool_calls: "no" })).toThrow(/`tool_calls` must be an array/);
    expect(() => messageFromJSON({ ...ai, additional_kwargs: "x" })).toThrow(
      /`additional_kwargs` must be a plain object/,
    );
    expect(() => messageFromJSON({ ...ai, usage_metadata: [1] })).toThrow(/got an array/);
    expect(() => messageFromJSON({ ...ai, id: 7 })).toThrow(/`id` must be a string/);
  });

  it("still takes null fields (as pydantic writes absent ones) and well-formed ones", () => {
    const message = messageFromJSON({ type: "ai", content: "x", id: null, name: null, tool_calls: [] });
    expect(message).toBeInstanceOf(AIMessage);
    expect(message.text).toBe("x");
  });
});
