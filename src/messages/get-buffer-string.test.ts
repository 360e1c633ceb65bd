import { AIMessage, ChatMessage, HumanMessage, SystemMessage, ToolMessage } from "rivulet";
import { describe, expect, it } from "vitest";
import { getBufferString } from "./index.js";

describe("getBufferString", () => {
  it("renders messages as @langchain/core's getBufferString does", () => {
    const messages = [
      new SystemMessage("Be kind."),
      new HumanMessage({ content: "hi", name: "bob" }),
      new HumanMessage({
        content: [
          { type: "text", text: "look " },
          { type: "image_url", image_url: "http://x" },
          { type: "text", text: " here" },
          { type: "thinking", thinking: "t" },
          { type: "audio", data: "x" },
          { type: "custom_x" },
          { type: "reasoning", reasoning: "r" },
          { type: "file", url: "x" },
        ],
      }),
      new AIMessage({
        content: "calling",
        tool_calls: [{ name: "search", args: { q: "rain" }, id: "call_1", type: "tool_call" }],
      }),
      new AIMessage({
        content: "",
        tool_calls: [{ name: "s", args: {}, id: "x".repeat(70), type: "tool_call" }],
      }),
      new AIMessage({ content: "fn", additional_kwargs: { function_call: { name: "f", arguments: "{}" } } }),
      new ToolMessage({ content: "72F", tool_call_id: "call_1" }),
      new ChatMessage("noted", "observer"),
      new AIMessage({
        content: [
          { type: "text", text: "a" },
          { type: "tool_use", id: "1", name: "f", input: {} },
        ],
      }),
    ];
    // @langchain/core 1.4's getBufferString for the same messages.
    expect(getBufferString(messages)).toBe(
      'System: Be kind.\nHuman: bob, hi\nHuman: look [image] here[thinking][audio][custom_x][file]\nAI: calling[{"name":"search","args":{"q":"rain"},"id":"call_1","type":"tool_call"}]\nAI: [{"name":"s","args":{},"id":"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...","type":"tool_call"}]\nAI: fn{"name":"f","arguments":"{}"}\nTool: 72F\nobserver: noted\nAI: a[tool_use]',
    );
    // The long id is cut only in the transcript.
    expect(messages[4] instanceof AIMessage && messages[4].tool_calls[0]?.id).toBe("x".repeat(70));
    expect(getBufferString([new HumanMessage("q"), new AIMessage("a")], "User", "Bot")).toBe(
      "User: q\nBot: a",
    );
  });
});
