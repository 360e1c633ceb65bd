import { describe, expect, it } from "vitest";
import {
  AIMessage,
  AIMessageChunk,
  HumanMessage,
  isBaseMessageChunk,
  mergeMessageRuns,
  RemoveMessage,
  SystemMessage,
  ToolMessage,
} from "./index.js";

describe("mergeMessageRuns", () => {
  it("merges consecutive messages of one type: strings join with a newline, lists block by block", () => {
    const first = new HumanMessage({ content: "what's your favorite color", id: "foo" });
    const system = new SystemMessage("you're a good assistant.");
    const merged = mergeMessageRuns([
      system,
      first,
      new HumanMessage({ content: "wait your favorite food", id: "bar" }),
      new AIMessage({
        content: "my favorite colo",
        tool_calls: [{ name: "t", args: { x: 2 }, id: "123" }],
        id: "baz",
      }),
      new AIMessage({
        content: [{ type: "text", text: "my favorite dish is lasagna" }],
        tool_calls: [{ name: "t", args: { x: -10 }, id: "456" }],
        id: "blur",
        response_metadata: { model: "m" },
      }),
    ]);
    expect(merged).toHaveLength(3);
    expect(merged[0]).toBe(system);
    expect(merged[1]).toBeInstanceOf(HumanMessage);
    expect(merged[1]).toMatchObject({
      content: "what's your favorite color\nwait your favorite food",
      id: "foo",
    });
    const ai = merged[2];
    expect(ai).toBeInstanceOf(AIMessage);
    expect(AIMessage.isInstance(ai) && isBaseMessageChunk(ai)).toBe(false);
    expect(ai?.content).toEqual([
      { type: "text", text: "my favorite colo" },
      { type: "text", text: "my favorite dish is lasagna" },
    ]);
    expect(AIMessage.isInstance(ai) ? ai.tool_calls.map((call) => call.id) : []).toEqual(["123", "456"]);
    expect(ai).toMatchObject({ id: "baz", response_metadata: { model: "m" } });
    expect(first.content).toBe("what's your favorite color");
  });

  it("never merges tool messages or removals, and keeps lone chunks as they are", () => {
    const chunk = new AIMessageChunk("lone");
    const input = [
      new ToolMessage("a", "1"),
      new ToolMessage("b", "2"),
      new RemoveMessage({ id: "x" }),
      new RemoveMessage({ id: "y" }),
      chunk,
    ];
    const merged = mergeMessageRuns(input);
    expect(merged).toEqual(input);
    expect(merged[4]).toBe(chunk);
    expect(mergeMessageRuns([])).toEqual([]);
  });
});
