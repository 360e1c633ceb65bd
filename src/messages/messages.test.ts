import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import {
  AIMessage,
  AIMessageChunk,
  BaseMessage,
  ChatMessage,
  ChatMessageChunk,
  HumanMessage,
  HumanMessageChunk,
  isBaseMessage,
  isBaseMessageChunk,
  isHumanMessage,
  isSystemMessage,
  isToolMessageChunk,
  SystemMessage,
  SystemMessageChunk,
  ToolMessage,
  ToolMessageChunk,
} from "./index.js";

describe("message classes", () => {
  it("take a string or a fields object", () => {
    const human = new HumanMessage("hi");
    expect(human.content).toBe("hi");
    expect(human.additional_kwargs).toEqual({});
    expect(human.response_metadata).toEqual({});
    expect(new HumanMessage({ content: "hi", id: "1", name: "ann" })).toMatchObject({ id: "1", name: "ann" });
    expect(new ToolMessage("ok", "c1").tool_call_id).toBe("c1");
    expect(new ChatMessage("hi", "observer").role).toBe("observer");
  });

  it("report their type through getType(), type and _getType()", () => {
    const types = [
      new HumanMessage("a"),
      new AIMessage("a"),
      new SystemMessage("a"),
      new ToolMessage("a", "c"),
      new ChatMessage("a", "r"),
    ].map((m) => [m.getType(), m.type, m._getType()]);
    expect(types).toEqual([
      ["human", "human", "human"],
      ["ai", "ai", "ai"],
      ["system", "system", "system"],
      ["tool", "tool", "tool"],
      ["generic", "generic", "generic"],
    ]);
  });

  it("join the text of their content", () => {
    const m = new HumanMessage({
      content: [
        { type: "text", text: "a" },
        { type: "image_url", image_url: "data:," },
        { type: "text", text: "b" },
      ],
    });
    expect(m.text).toBe("ab");
    expect(new AIMessage("plain").text).toBe("plain");
  });

  it("are recognised by brand, across classes and chunks", () => {
    const chunk = new HumanMessageChunk("x");
    expect(isBaseMessage(chunk)).toBe(true);
    expect(BaseMessage.isInstance({ content: "x" })).toBe(false);
    expect(isHumanMessage(chunk)).toBe(true);
    expect(HumanMessageChunk.isInstance(new HumanMessage("x"))).toBe(false);
    expect(isSystemMessage(chunk)).toBe(false);
    expect(isBaseMessageChunk(chunk)).toBe(true);
    expect(isBaseMessageChunk(new HumanMessage("x"))).toBe(false);
    expect(isToolMessageChunk(new ToolMessageChunk("x", "c"))).toBe(true);
  });

  it("print without empty fields", () => {
    expect(inspect(new HumanMessage("hi"))).toBe("HumanMessage(content='hi')");
    expect(String(new ToolMessage({ content: "ok", tool_call_id: "c1", status: "error" }))).toBe(
      "ToolMessage(content='ok', tool_call_id='c1', status='error')",
    );
    expect(String(new ChatMessageChunk("x", "observer"))).toBe(
      "ChatMessageChunk(content='x', role='observer')",
    );
    expect(String(new AIMessage({ content: [{ type: "text", text: "a" }], name: "bot" }))).toBe(
      "AIMessage(content=[{'type': 'text', 'text': 'a'}], name='bot')",
    );
  });
});

describe("chunk concat", () => {
  it("joins human and system chunks", () => {
    const human = new HumanMessageChunk({ content: "He", id: "a" }).concat(
      new HumanMessageChunk({ content: "llo", id: "b" }),
    );
    expect(human).toBeInstanceOf(HumanMessageChunk);
    expect([human.content, human.id]).toEqual(["Hello", "a"]);
    expect(new SystemMessageChunk("Be ").concat(new SystemMessageChunk("terse")).content).toBe("Be terse");
  });

  it("keeps the first tool_call_id, fails on any error and merges artifacts", () => {
    const a = new ToolMessageChunk({
      content: "1",
      tool_call_id: "c1",
      status: "success",
      artifact: { rows: [1] },
    });
    const b = new ToolMessageChunk({
      content: "2",
      tool_call_id: "c1",
      status: "error",
      artifact: { rows: [2] },
    });
    const merged = a.concat(b);
    expect(merged).toMatchObject({
      content: "12",
      tool_call_id: "c1",
      status: "error",
      artifact: { rows: [1, 2] },
    });
    expect(a.status).toBe("success");
  });

  it("keeps the first role of chat chunks", () => {
    const merged = new ChatMessageChunk("a", "observer").concat(new ChatMessageChunk("b", "observer"));
    expect([merged.content, merged.role]).toEqual(["ab", "observer"]);
  });

  it("merge kwargs and response metadata on every kind", () => {
    const a = new HumanMessageChunk({ content: "", additional_kwargs: { n: 1, s: "a", name: "x" } });
    const b = new HumanMessageChunk({ content: "", additional_kwargs: { n: 2, s: "b", name: "x" } });
    expect(a.concat(b).additional_kwargs).toEqual({ n: 3, s: "ab", name: "x" });
    expect(a.additional_kwargs).toEqual({ n: 1, s: "a", name: "x" });
  });

  it("is typed per class", () => {
    const ai: AIMessageChunk = new AIMessageChunk("a").concat(new AIMessageChunk("b"));
    expect(ai.content).toBe("ab");
  });
});
