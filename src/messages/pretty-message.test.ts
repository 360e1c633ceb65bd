import { describe, expect, it } from "vitest";
import { AIMessage, ChatMessage, HumanMessage, ToolMessage } from "./index.js";

const bar = (title: string): string => {
  const side = "=".repeat(Math.floor((80 - title.length) / 2));
  return `${side}${title}${title.length % 2 === 0 ? side : `${side}=`}`;
};

describe("toFormattedString", () => {
  it("prints a title bar 80 columns wide, then the text", () => {
    const out = new HumanMessage("What is 2 + 2?").toFormattedString();
    expect(out).toBe(`${bar(" Human Message ")}\nWhat is 2 + 2?`);
    expect(out.split("\n")[0]).toHaveLength(80);
    expect(new ChatMessage("x", "critic").toFormattedString().split("\n")[0]).toContain(" Generic Message ");
  });

  it("lists an AI message's tool calls with their arguments, objects as JSON", () => {
    const message = new AIMessage({
      content: "Checking.",
      tool_calls: [{ id: "call_1", name: "lookup", args: { city: "Oslo", options: { units: "C" } } }],
    });
    expect(message.toFormattedString()).toBe(
      [
        bar(" Ai Message "),
        "Tool Calls:",
        "  lookup (call_1)",
        " Call ID: call_1",
        "  Args:",
        "    city: Oslo",
        '    options: {"units":"C"}',
        "",
        "Checking.",
      ].join("\n"),
    );
  });

  it("shows a tool message's name, leaves out blank text, and reads text blocks of a list", () => {
    expect(new ToolMessage({ content: "18C", tool_call_id: "c", name: "weather" }).toFormattedString()).toBe(
      `${bar(" Tool Message ")}\nName: weather\n\n18C`,
    );
    expect(new AIMessage("   ").toFormattedString()).toBe(bar(" Ai Message "));
    const blocks = new HumanMessage({
      content: [
        { type: "text", text: "look" },
        { type: "image_url", image_url: "u" },
      ],
    });
    expect(blocks.toFormattedString()).toBe(`${bar(" Human Message ")}\nlook`);
  });

  it("gives the message's JSON with format json", () => {
    const message = new HumanMessage({ content: "hi", id: "1" });
    expect(JSON.parse(message.toFormattedString("json"))).toEqual({ type: "human", content: "hi", id: "1" });
  });
});
