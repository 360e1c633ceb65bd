// Review: @langchain/core message instances inside a value (a step that returns LangChain's
// messages) are written in the dialect's shape, not as LangChain's lc:1 JSON, which LangServe
// clients and Rivulet's client do not revive; read back they are the same messages.
import {
  AIMessageChunk as LangChainAIMessageChunk,
  HumanMessage as LangChainHumanMessage,
} from "@langchain/core/messages";
import { AIMessageChunk, HumanMessage } from "rivulet";
import { describe, expect, it } from "vitest";
import { serializeEventData } from "../sse/serialize-event-data.js";
import { decodeWireValue } from "./decode-wire-value.js";
import { encodeWireValue, wireForm } from "./encode-wire-value.js";
import type { WireDialect } from "./wire-dialect.js";

const value = {
  chunk: new LangChainAIMessageChunk({
    content: "Hi",
    id: "run-1",
    tool_call_chunks: [{ name: "f", args: '{"a":1}', id: "call_1", index: 0, type: "tool_call_chunk" }],
  }),
  question: new LangChainHumanMessage({ content: "Hello?", id: "h1" }),
};

const ours = {
  chunk: new AIMessageChunk({
    content: "Hi",
    id: "run-1",
    tool_call_chunks: [{ name: "f", args: '{"a":1}', id: "call_1", index: 0, type: "tool_call_chunk" }],
  }),
  question: new HumanMessage({ content: "Hello?", id: "h1" }),
};

describe("LangChain message instances on the wire", () => {
  it.each<WireDialect>(["langserve", "rivulet"])("are written as ours are in the %s dialect", (dialect) => {
    const expected = serializeEventData(encodeWireValue(ours, dialect));
    expect(serializeEventData(encodeWireValue(value, dialect))).toBe(expected);
    expect(serializeEventData(value, { replace: (inner) => wireForm(inner, dialect) })).toBe(expected);
    const read = decodeWireValue(JSON.parse(expected), dialect);
    expect(read).toEqual(ours);
  });
});
