import { describe, expect, it } from "vitest";
import type { AIMessage } from "./ai-message.js";
import { coerceMessageLikeToMessage } from "./coerce-message-like.js";
import { HumanMessage } from "./human-message.js";

describe("coerceMessageLikeToMessage", () => {
  it("passes messages through and reads strings as human messages", () => {
    const m = new HumanMessage("hi");
    expect(coerceMessageLikeToMessage(m)).toBe(m);
    expect(String(coerceMessageLikeToMessage("hi"))).toBe("HumanMessage(content='hi')");
  });

  it("maps the roles of tuples and objects", () => {
    const read = (role: string) => String(coerceMessageLikeToMessage([role, "x"]));
    expect(["user", "human", "assistant", "ai", "system", "observer"].map(read)).toEqual([
      "HumanMessage(content='x')",
      "HumanMessage(content='x')",
      "AIMessage(content='x')",
      "AIMessage(content='x')",
      "SystemMessage(content='x')",
      "ChatMessage(content='x', role='observer')",
    ]);
    expect(coerceMessageLikeToMessage(["developer", "x"]).additional_kwargs).toEqual({
      __openai_role__: "developer",
    });
    expect(String(coerceMessageLikeToMessage({ role: "tool", content: "ok", tool_call_id: "c1" }))).toBe(
      "ToolMessage(content='ok', tool_call_id='c1')",
    );
    expect(() => coerceMessageLikeToMessage(["tool", "ok"])).toThrow(/tool_call_id/);
  });

  it("reads tool calls in Rivulet's and OpenAI's shapes", () => {
    const m = coerceMessageLikeToMessage({
      role: "assistant",
      content: "",
      tool_calls: [
        { name: "f", args: { a: 1 }, id: "c1" },
        { id: "c2", type: "function", function: { name: "g", arguments: '{"b":2}' } },
        { id: "c3", type: "function", function: { name: "h", arguments: "{oops" } },
      ],
    }) as AIMessage;
    expect(m.tool_calls).toEqual([
      // Kept as given (no `type` added), as in @langchain/core.
      { name: "f", args: { a: 1 }, id: "c1" },
      { name: "g", args: { b: 2 }, id: "c2", type: "tool_call" },
    ]);
    expect(m.invalid_tool_calls).toEqual([
      { name: "h", args: "{oops", id: "c3", error: "Malformed args.", type: "invalid_tool_call" },
    ]);
  });

  it("reads serialised messages and rejects anything else", () => {
    expect(String(coerceMessageLikeToMessage({ type: "ai", content: "x" } as never))).toBe(
      "AIMessage(content='x')",
    );
    expect(() => coerceMessageLikeToMessage(42 as never)).toThrow(/Cannot read a message/);
  });
});
