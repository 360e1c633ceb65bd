// Writing a value through serializeEventData's replace hook with wireForm gives exactly the text of
// serializing encodeWireValue's converted copy, in every dialect: the SSE routes write each frame
// in one walk instead of two.
import {
  AIMessageChunk,
  ChatPromptValue,
  Document,
  HumanMessage,
  StringPromptValue,
  ToolMessage,
} from "rivulet";
import { describe, expect, it } from "vitest";
import { serializeEventData } from "../sse/serialize-event-data.js";
import { encodeWireValue, wireForm } from "./encode-wire-value.js";
import type { WireDialect } from "./wire-dialect.js";

function cyclic(): unknown {
  const node: Record<string, unknown> = { name: "loop" };
  node.self = node;
  const message = new HumanMessage({ content: "hi", additional_kwargs: { node } });
  return { message, again: [message, message] };
}

const VALUES: Array<[string, () => unknown]> = [
  [
    "a v2 stream event with a chunk",
    () => ({
      event: "on_chat_model_stream",
      run_id: "r1",
      name: "model",
      tags: ["seq:step:2"],
      metadata: { ls_provider: "openai" },
      data: {
        chunk: new AIMessageChunk({
          content: "Hi",
          tool_call_chunks: [{ name: "f", args: '{"a":', id: "c1", index: 0, type: "tool_call_chunk" }],
          usage_metadata: { input_tokens: 1, output_tokens: 1, total_tokens: 2 },
        }),
      },
      parent_ids: ["r0"],
    }),
  ],
  [
    "nested messages, documents and prompt values",
    () => ({
      docs: [
        new Document({ pageContent: "p", metadata: { source: new HumanMessage("in metadata") }, id: "d1" }),
      ],
      prompt: new ChatPromptValue([
        new HumanMessage("q"),
        new ToolMessage({ content: "r", tool_call_id: "c1" }),
      ]),
      text: new StringPromptValue("s"),
      error: new TypeError("bad"),
      big: 10n,
      skipped: undefined,
      date: new Date(0),
    }),
  ],
  ["a message referring back to itself", cyclic],
  ["a bare message", () => new AIMessageChunk("x")],
  ["plain data", () => ({ a: [1, null, "x", { b: true }], n: Number.NaN })],
];

const DIALECTS: WireDialect[] = ["langserve", "rivulet", "langchain"];

describe("wireForm through serializeEventData's replace", () => {
  for (const dialect of DIALECTS) {
    it.each(VALUES)(`writes %s as encodeWireValue does (${dialect})`, (_name, make) => {
      const value = make();
      const twoWalks = serializeEventData(encodeWireValue(value, dialect));
      const oneWalk = serializeEventData(value, { replace: (inner) => wireForm(inner, dialect) });
      expect(oneWalk).toBe(twoWalks);
    });
  }
});
