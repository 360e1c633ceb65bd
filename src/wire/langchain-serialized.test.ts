// The `langchain` dialect writes what @langchain/core 1.4's own JSON.stringify writes for the same
// values, @langchain/core's `load` revives it into its classes, and reading it back gives our
// values unchanged. The expected JSON is produced by the real @langchain/core on the same inputs.
import { Document as LangChainDocument } from "@langchain/core/documents";
import { load } from "@langchain/core/load";
import * as lc from "@langchain/core/messages";
import {
  ChatPromptValue as LangChainChatPromptValue,
  StringPromptValue as LangChainStringPromptValue,
} from "@langchain/core/prompt_values";
import {
  AIMessage,
  AIMessageChunk,
  ChatMessage,
  ChatPromptValue,
  Document,
  FunctionMessage,
  HumanMessage,
  HumanMessageChunk,
  RemoveMessage,
  StringPromptValue,
  SystemMessage,
  ToolMessage,
} from "rivulet";
import { describe, expect, it } from "vitest";
import { decodeWireValue } from "./decode-wire-value.js";
import { encodeWireValue } from "./encode-wire-value.js";

const toolCalls = [{ name: "search", args: { q: "cats" }, id: "call_1", type: "tool_call" as const }];
const usage = { input_tokens: 10, output_tokens: 4, total_tokens: 14 };
const callChunk = {
  name: "search",
  args: '{"q":"cats"}',
  id: "call_1",
  index: 0,
  type: "tool_call_chunk" as const,
};

/** @langchain/core's message field types refuse usage in the constructor under exactOptionalPropertyTypes. */
function langChainAIWithUsage(fields: Record<string, unknown>): unknown {
  return Reflect.construct(lc.AIMessage, [{ ...fields, usage_metadata: usage }]);
}

/** The same value built with @langchain/core and with Rivulet. */
const PAIRS: Array<[name: string, theirs: unknown, ours: unknown]> = [
  [
    "HumanMessage",
    new lc.HumanMessage({ content: "hi", id: "h1", name: "ada" }),
    new HumanMessage({ content: "hi", id: "h1", name: "ada" }),
  ],
  [
    "AIMessage with tool calls and usage",
    langChainAIWithUsage({
      content: "",
      tool_calls: toolCalls,
      response_metadata: { finish_reason: "tool_calls" },
      id: "a1",
    }),
    new AIMessage({
      content: "",
      tool_calls: toolCalls,
      usage_metadata: usage,
      response_metadata: { finish_reason: "tool_calls" },
      id: "a1",
    }),
  ],
  ["AIMessage plain", new lc.AIMessage("plain"), new AIMessage("plain")],
  [
    "AIMessageChunk with a call fragment",
    new lc.AIMessageChunk({ content: "x", tool_call_chunks: [callChunk], id: "run-1" }),
    new AIMessageChunk({ content: "x", tool_call_chunks: [callChunk], id: "run-1" }),
  ],
  ["SystemMessage", new lc.SystemMessage("be brief"), new SystemMessage("be brief")],
  [
    "ToolMessage with artifact and status",
    new lc.ToolMessage({ content: "3 cats", tool_call_id: "call_1", artifact: { hits: 3 }, status: "error" }),
    new ToolMessage({ content: "3 cats", tool_call_id: "call_1", artifact: { hits: 3 }, status: "error" }),
  ],
  [
    "ChatMessage",
    new lc.ChatMessage({ content: "hm", role: "critic" }),
    new ChatMessage({ content: "hm", role: "critic" }),
  ],
  [
    "FunctionMessage",
    new lc.FunctionMessage({ content: "42", name: "answer" }),
    new FunctionMessage({ content: "42", name: "answer" }),
  ],
  [
    "HumanMessageChunk",
    new lc.HumanMessageChunk({ content: "par" }),
    new HumanMessageChunk({ content: "par" }),
  ],
  ["RemoveMessage", new lc.RemoveMessage({ id: "m1" }), new RemoveMessage({ id: "m1" })],
  [
    "content blocks",
    new lc.HumanMessage({
      content: [
        { type: "text", text: "look" },
        { type: "image_url", image_url: { url: "https://x/y.png" } },
      ],
    }),
    new HumanMessage({
      content: [
        { type: "text", text: "look" },
        { type: "image_url", image_url: { url: "https://x/y.png" } },
      ],
    }),
  ],
  [
    "Document",
    new LangChainDocument({ pageContent: "p", metadata: { source: "a.txt" }, id: "d1" }),
    new Document({ pageContent: "p", metadata: { source: "a.txt" }, id: "d1" }),
  ],
  [
    "ChatPromptValue",
    new LangChainChatPromptValue([new lc.HumanMessage("q")]),
    new ChatPromptValue([new HumanMessage("q")]),
  ],
  ["StringPromptValue", new LangChainStringPromptValue("sv"), new StringPromptValue("sv")],
];

describe('the "langchain" wire dialect', () => {
  it.each(PAIRS)("writes %s as @langchain/core 1.4 serializes it", (_name, theirs, ours) => {
    expect(encodeWireValue(ours, "langchain")).toEqual(JSON.parse(JSON.stringify(theirs)));
  });

  // A Document has no lc form, and @langchain/core 1.4's load cannot revive its own
  // StringPromptValue (it passes the kwargs object as the string): neither is ours to check.
  it.each(PAIRS.filter(([name]) => name !== "Document" && name !== "StringPromptValue"))(
    "is revived by @langchain/core's load: %s",
    async (_name, theirs, ours) => {
      const revived: unknown = await load(JSON.stringify(encodeWireValue(ours, "langchain")));
      expect(revived).toEqual(theirs);
    },
  );

  it.each(PAIRS)("reads back to the same value: %s", (_name, _theirs, ours) => {
    const wire: unknown = JSON.parse(JSON.stringify(encodeWireValue(ours, "langchain")));
    expect(decodeWireValue(wire, "langchain")).toEqual(ours);
  });

  it("also reads the lc form where LangServe's shapes are read, nested in plain data", () => {
    const wire = JSON.parse(
      JSON.stringify({ history: [new lc.AIMessage({ content: "hi", tool_calls: toolCalls })] }),
    );
    expect(decodeWireValue(wire, "langserve")).toEqual({
      history: [new AIMessage({ content: "hi", tool_calls: toolCalls })],
    });
  });

  it("leaves an lc object of a class it does not know as plain data", () => {
    const unknown = {
      lc: 1,
      type: "constructor",
      id: ["langchain_core", "load", "Mystery"],
      kwargs: { a: 1 },
    };
    expect(decodeWireValue(unknown, "langchain")).toEqual(unknown);
  });

  it("refuses a serialized message whose fields are malformed, at its place", () => {
    const bad = {
      lc: 1,
      type: "constructor",
      id: ["langchain_core", "messages", "AIMessage"],
      kwargs: { content: "x", tool_calls: "no" },
    };
    expect(() => decodeWireValue({ input: [bad] }, "langchain", ["body"])).toThrow(/tool_calls/);
  });
});
