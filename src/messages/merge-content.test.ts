import { describe, expect, it } from "vitest";
import { AIMessageChunk } from "./ai-message-chunk.js";
import type { ContentBlock, MessageContent } from "./content-block.js";
import { mergeContent } from "./merge-content.js";

const text = (value: string, extra: Record<string, unknown> = {}): ContentBlock => ({
  type: "text",
  text: value,
  ...extra,
});

// [case, left, right, @langchain/core 1.4's mergeContent(left, right)], run side by side.
const LANGCHAIN_CASES: Array<[string, MessageContent, MessageContent, MessageContent]> = [
  [
    "blocks of different types with the same index stay apart",
    [text("a", { index: 0 })],
    [{ type: "thinking", thinking: "t", index: 0 }],
    [text("a", { index: 0 }), { type: "thinking", thinking: "t", index: 0 }],
  ],
  [
    "each block continues the block of its own type at a shared index",
    [text("a", { index: 0 }), { type: "thinking", thinking: "t", index: 0 }],
    [text("b", { index: 0 }), { type: "thinking", thinking: "u", index: 0 }],
    [text("ab", { index: 0 }), { type: "thinking", thinking: "tu", index: 0 }],
  ],
  [
    "a *_delta type continues its base type",
    [{ type: "input_json", partial_json: "{", index: 1 }],
    [{ type: "input_json_delta", partial_json: "}", index: 1 }],
    [{ type: "input_json", partial_json: "{}", index: 1 }],
  ],
  [
    "blocks with the same string index merge",
    [text("He", { index: "lc_txt_0" })],
    [text("llo", { index: "lc_txt_0" })],
    [text("Hello", { index: "lc_txt_0" })],
  ],
  [
    'the string index "0" is not the number 0',
    [text("He", { index: "0" })],
    [text("llo", { index: 0 })],
    [text("He", { index: "0" }), text("llo", { index: 0 })],
  ],
  ["an empty text block without an index is dropped", [text("a")], [text("")], [text("a")]],
  [
    "an empty text block whose index matches nothing is dropped",
    [text("a", { index: 0 })],
    [text("", { index: 1 })],
    [text("a", { index: 0 })],
  ],
  ["an empty text block is dropped after an empty list too", [], [text("")], []],
  [
    "any block with empty text that continues nothing is dropped",
    [text("a")],
    [{ type: "thinking", text: "" }],
    [text("a")],
  ],
  [
    "blocks without an index merge by id",
    [{ type: "tool_use", id: "t1", input: "{" }],
    [{ type: "tool_use", id: "t1", input: "}" }],
    [{ type: "tool_use", id: "t1", input: "{}" }],
  ],
  [
    "blocks with the same index and different ids stay apart",
    [{ type: "tool_use", id: "t1", input: "{", index: 0 }],
    [{ type: "tool_use", id: "t2", input: "}", index: 0 }],
    [
      { type: "tool_use", id: "t1", input: "{", index: 0 },
      { type: "tool_use", id: "t2", input: "}", index: 0 },
    ],
  ],
  [
    "a block with an index does not continue one without",
    [{ type: "tool_use", id: "t1", input: "{" }],
    [{ type: "tool_use", id: "t1", input: "}", index: 0 }],
    [
      { type: "tool_use", id: "t1", input: "{" },
      { type: "tool_use", id: "t1", input: "}", index: 0 },
    ],
  ],
  [
    "a block continues the first block it matches",
    [text("a", { index: 0, id: "x" }), text("b", { index: 0, id: "y" })],
    [text("c", { index: 0 })],
    [text("ac", { index: 0, id: "x" }), text("b", { index: 0, id: "y" })],
  ],
  [
    "nested lists merge by the same rule",
    [{ type: "x", index: 0, parts: [text("a", { index: 0 })] }],
    [{ type: "x", index: 0, parts: [text("b", { index: 0 }), text("")] }],
    [{ type: "x", index: 0, parts: [text("ab", { index: 0 })] }],
  ],
  ["a string before a list is put in front of it as is", "a", [text("")], [text("a"), text("")]],
  ["an empty string before a list adds nothing", "", [text(""), text("b")], [text(""), text("b")]],
  ["a string before an empty list stays a string", "a", [], "a"],
  ["a string after a list is appended", [text("a", { index: 0 })], "b", [text("a", { index: 0 }), text("b")]],
  ["an empty string after a list adds nothing", [text("a")], "", [text("a")]],
];

describe("mergeContent", () => {
  it("joins strings", () => {
    expect(mergeContent("Hel", "lo")).toBe("Hello");
  });

  it("merges blocks with the same index and appends blocks without one", () => {
    const left: ContentBlock[] = [
      { type: "thinking", thinking: "Let me", index: 0 },
      { type: "text", text: "A", index: 1 },
    ];
    const right: ContentBlock[] = [
      { type: "thinking", thinking: " think", signature: "sig", index: 0 },
      { type: "text", text: "B", index: 1 },
      { type: "image_url", image_url: "data:," },
    ];
    expect(mergeContent(left, right)).toEqual([
      { type: "thinking", thinking: "Let me think", signature: "sig", index: 0 },
      { type: "text", text: "AB", index: 1 },
      { type: "image_url", image_url: "data:," },
    ]);
  });

  it("turns a string into a text block when it meets a list", () => {
    const blocks: ContentBlock[] = [{ type: "text", text: "b", index: 0 }];
    expect(mergeContent("a", blocks)).toEqual([{ type: "text", text: "a" }, ...blocks]);
    expect(mergeContent(blocks, "c")).toEqual([...blocks, { type: "text", text: "c" }]);
    expect(mergeContent("", blocks)).toEqual(blocks);
    expect(mergeContent(blocks, "")).toEqual(blocks);
  });

  it.each(LANGCHAIN_CASES)("matches @langchain/core: %s", (_label, left, right, expected) => {
    expect(mergeContent(structuredClone(left), structuredClone(right))).toEqual(expected);
  });

  it("merges the same way in AIMessageChunk.concat, string indexes included", () => {
    const merged = new AIMessageChunk({ content: [text("He", { index: "lc_txt_0" })] })
      .concat(new AIMessageChunk({ content: [{ type: "thinking", thinking: "t", index: "lc_txt_0" }] }))
      .concat(new AIMessageChunk({ content: [text("llo", { index: "lc_txt_0" }), text("")] }));
    expect(merged.content).toEqual([
      text("Hello", { index: "lc_txt_0" }),
      { type: "thinking", thinking: "t", index: "lc_txt_0" },
    ]);
  });

  it("keeps a string merged with data blocks as a text block (@langchain/core adds source_type or makes it a file)", () => {
    const image: ContentBlock = { type: "image", source_type: "url", url: "https://example.com/a.png" };
    // @langchain/core 1.4 gives [{ type: "text", source_type: "text", text: "a" }, image] and
    // [image, { type: "file", source_type: "text", text: "b" }]: the text would leave `.text`.
    expect(mergeContent("a", [image])).toEqual([text("a"), image]);
    expect(mergeContent([image], "b")).toEqual([image, text("b")]);
  });

  it("leaves its operands unchanged", () => {
    const left: ContentBlock[] = [{ type: "text", text: "a", index: 0 }];
    const right: ContentBlock[] = [{ type: "text", text: "b", index: 0 }];
    mergeContent(left, right);
    expect(left).toEqual([{ type: "text", text: "a", index: 0 }]);
    expect(right).toEqual([{ type: "text", text: "b", index: 0 }]);
  });
});
