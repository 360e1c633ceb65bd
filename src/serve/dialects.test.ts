import {
  AIMessage,
  AIMessageChunk,
  ChatMessage,
  ChatPromptValue,
  Document,
  HumanMessage,
  RunnableLambda,
  StringPromptValue,
  SystemMessage,
  ToolMessage,
} from "rivulet";
import { serve } from "rivulet/serve";
import { describe, expect, it } from "vitest";
import { encodeWireValue } from "../wire/encode-wire-value.js";
import { decodeWireInput } from "./decode-wire-input.js";
import { post } from "./test-support/requests.js";

const usage = { input_tokens: 3, output_tokens: 2, total_tokens: 5 };
const toolCall = { name: "weather", args: { city: "Paris" }, id: "call_1", type: "tool_call" as const };

describe("the langserve dialect", () => {
  it("writes messages in LangServe's pydantic shape, every field present", () => {
    expect(encodeWireValue(new HumanMessage("hi"), "langserve")).toEqual({
      content: "hi",
      additional_kwargs: {},
      response_metadata: {},
      type: "human",
      name: null,
      id: null,
      example: false,
    });
    expect(
      encodeWireValue(
        new AIMessage({ content: "", tool_calls: [toolCall], usage_metadata: usage, id: "m1" }),
        "langserve",
      ),
    ).toEqual({
      content: "",
      additional_kwargs: {},
      response_metadata: {},
      type: "ai",
      name: null,
      id: "m1",
      example: false,
      tool_calls: [toolCall],
      invalid_tool_calls: [],
      usage_metadata: usage,
    });
    expect(
      encodeWireValue(
        new ToolMessage({ content: "18C", tool_call_id: "call_1", artifact: { raw: 1 } }),
        "langserve",
      ),
    ).toMatchObject({
      type: "tool",
      tool_call_id: "call_1",
      artifact: { raw: 1 },
      status: "success",
    });
    expect(encodeWireValue(new SystemMessage("be brief"), "langserve")).not.toHaveProperty("example");
    expect(encodeWireValue(new ChatMessage({ content: "x", role: "critic" }), "langserve")).toMatchObject({
      type: "chat",
      role: "critic",
    });
  });

  it("writes chunks with their class name as type and their tool_call_chunks", () => {
    const chunk = new AIMessageChunk({
      content: "",
      tool_call_chunks: [{ name: "weather", args: '{"city":', id: "call_1", index: 0 }],
    });
    expect(encodeWireValue(chunk, "langserve")).toMatchObject({
      type: "AIMessageChunk",
      tool_call_chunks: [{ name: "weather", args: '{"city":', id: "call_1", index: 0 }],
      tool_calls: chunk.tool_calls,
      invalid_tool_calls: chunk.invalid_tool_calls,
    });
  });

  it("writes documents and prompt values as LangServe does, nested anywhere", () => {
    const value = {
      docs: [new Document({ pageContent: "kensho", metadata: { source: "n" }, id: "d1" })],
      prompt: new ChatPromptValue([new HumanMessage("q")]),
      text: new StringPromptValue("t"),
    };
    expect(encodeWireValue(value, "langserve")).toEqual({
      docs: [{ page_content: "kensho", metadata: { source: "n" }, type: "Document", id: "d1" }],
      prompt: {
        messages: [expect.objectContaining({ type: "human", content: "q" })],
        type: "ChatPromptValueConcrete",
      },
      text: { text: "t", type: "StringPromptValue" },
    });
  });

  it("reads messages and documents sent in LangServe's shape (and @langchain/core 0.3's)", () => {
    const wire = [
      { content: "hi", type: "human", additional_kwargs: {}, name: null, id: null, example: false },
      { content: "ok", type: "ai", additional_kwargs: {}, tool_calls: [toolCall], usage_metadata: null },
      { content: "18C", type: "tool", tool_call_id: "call_1", additional_kwargs: {} },
      { page_content: "doc", metadata: { a: 1 }, type: "Document", id: null },
      { content: "not a message", kind: "plain" },
    ];
    const [human, ai, tool, doc, plain] = decodeWireInput(wire, "langserve", ["body", "input"]) as unknown[];
    expect(human).toBeInstanceOf(HumanMessage);
    expect(ai).toBeInstanceOf(AIMessage);
    expect((ai as AIMessage).tool_calls).toEqual([toolCall]);
    expect(tool).toBeInstanceOf(ToolMessage);
    expect(doc).toBeInstanceOf(Document);
    expect(plain).toEqual({ content: "not a message", kind: "plain" });
  });

  it("a value that claims to be a message but is not one is a 422 at its place", () => {
    expect(() =>
      decodeWireInput({ m: [{ content: "x", type: "tool" }] }, "langserve", ["body", "input"]),
    ).toThrow(
      expect.objectContaining({
        status: 422,
        issues: [expect.objectContaining({ loc: ["body", "input", "m", 0] })],
      }),
    );
  });
});

describe("the rivulet dialect", () => {
  const messages = [
    new HumanMessage({ content: "hi", id: "h1", name: "ada" }),
    new AIMessage({
      content: "",
      tool_calls: [toolCall],
      usage_metadata: usage,
      id: "a1",
      response_metadata: { model: "m" },
    }),
    new AIMessageChunk({
      content: "pa",
      tool_call_chunks: [{ name: "weather", args: '{"ci', id: "call_1", index: 0 }],
      usage_metadata: usage,
    }),
    new ToolMessage({ content: "18C", tool_call_id: "call_1", artifact: { raw: [1, 2] }, status: "error" }),
    new SystemMessage("be brief"),
    new ChatMessage({ content: "x", role: "critic" }),
  ];

  it("round-trips every message class losslessly through JSON text", () => {
    const text = JSON.stringify(encodeWireValue(messages, "rivulet"));
    const back = decodeWireInput(JSON.parse(text), "rivulet", ["body", "input"]) as unknown[];
    expect(back.map((message) => (message as HumanMessage).toJSON())).toEqual(
      messages.map((message) => message.toJSON()),
    );
    expect(back[2]).toBeInstanceOf(AIMessageChunk);
    expect(back.map((message) => message?.constructor.name)).toEqual(
      messages.map((message) => message.constructor.name),
    );
  });

  it("tags documents and prompt values by type, and revives them by type alone", () => {
    const value = [
      new Document({ pageContent: "p", metadata: { k: 1 } }),
      new StringPromptValue("s"),
      new ChatPromptValue([new HumanMessage("q")]),
    ];
    const wire = JSON.parse(JSON.stringify(encodeWireValue(value, "rivulet"))) as unknown[];
    expect(wire).toEqual([
      { type: "Document", pageContent: "p", metadata: { k: 1 } },
      { type: "StringPromptValue", value: "s" },
      { type: "ChatPromptValue", messages: [{ type: "human", content: "q" }] },
    ]);
    const [doc, text, chat] = decodeWireInput(wire, "rivulet", []) as unknown[];
    expect(doc).toBeInstanceOf(Document);
    expect(text).toBeInstanceOf(StringPromptValue);
    expect((chat as ChatPromptValue).messages[0]).toBeInstanceOf(HumanMessage);
  });

  it("never sniffs keys: page_content without a type stays plain data", () => {
    expect(decodeWireInput({ page_content: "p", metadata: {} }, "rivulet", [])).toEqual({
      page_content: "p",
      metadata: {},
    });
  });

  it("is chosen by the X-Rivulet-Dialect request header and named in the response", async () => {
    const app = serve({ "/m": RunnableLambda.from((messages: HumanMessage[]) => messages[0]) });
    const rivulet = await post(
      app,
      "/m/invoke",
      { input: [{ type: "human", content: "hi", id: "h1" }] },
      { "x-rivulet-dialect": "rivulet" },
    );
    expect(rivulet.headers.get("x-rivulet-dialect")).toBe("rivulet");
    expect(await rivulet.json()).toMatchObject({ output: { type: "human", content: "hi", id: "h1" } });
    const langserve = await post(app, "/m/invoke", { input: [{ type: "human", content: "hi" }] });
    expect(langserve.headers.get("x-rivulet-dialect")).toBe("langserve");
    expect(await langserve.json()).toMatchObject({
      output: { type: "human", example: false, additional_kwargs: {} },
    });
  });

  it("writes a value that refers to itself as [Circular] instead of failing", () => {
    const loop: Record<string, unknown> = { a: 1 };
    loop.self = loop;
    expect(encodeWireValue(loop, "rivulet")).toEqual({ a: 1, self: "[Circular]" });
  });
});
