import { describe, expect, it } from "vitest";
import { AIMessage, AIMessageChunk, HumanMessage, toStandardBlocks } from "./index.js";

describe("contentBlocks", () => {
  it("turns a string into one text block, and an empty string into none", () => {
    expect(new HumanMessage("hi").contentBlocks).toEqual([{ type: "text", text: "hi" }]);
    expect(new AIMessage("").contentBlocks).toEqual([]);
  });

  it("reads OpenAI's image, audio and file parts as standard media blocks", () => {
    const message = new HumanMessage({
      content: [
        { type: "text", text: "Describe:" },
        { type: "image_url", image_url: { url: "https://example.com/cat.png", detail: "low" } },
        { type: "image_url", image_url: "data:image/png;base64,iVBOR" },
        { type: "input_audio", input_audio: { data: "UklGR", format: "wav" } },
        { type: "file", file: { file_data: "data:application/pdf;base64,JVBER", filename: "a.pdf" } },
        { type: "file", file: { file_id: "file-123" } },
      ],
    });
    expect(message.contentBlocks).toEqual([
      { type: "text", text: "Describe:" },
      { type: "image", url: "https://example.com/cat.png" },
      { type: "image", mimeType: "image/png", data: "iVBOR" },
      { type: "audio", mimeType: "audio/wav", data: "UklGR" },
      { type: "file", mimeType: "application/pdf", data: "JVBER" },
      { type: "file", fileId: "file-123" },
    ]);
  });

  it("reads Anthropic's thinking, redacted thinking, tool_use, image and document blocks", () => {
    const message = new AIMessage({
      content: [
        { type: "thinking", thinking: "Let me think.", signature: "sig", index: 0 },
        { type: "redacted_thinking", data: "xyz", index: 1 },
        { type: "text", text: "Calling.", index: 2, citations: [{ type: "char_location", cited_text: "a" }] },
        { type: "tool_use", id: "toolu_1", name: "lookup", input: { q: "x" }, index: 3 },
        { type: "image", source: { type: "base64", media_type: "image/jpeg", data: "/9j/" } },
        { type: "document", source: { type: "url", url: "https://example.com/a.pdf" } },
      ],
      tool_calls: [{ id: "toolu_1", name: "lookup", args: { q: "x" } }],
    });
    expect(message.contentBlocks).toEqual([
      { type: "reasoning", reasoning: "Let me think.", signature: "sig", index: 0 },
      { type: "non_standard", value: { type: "redacted_thinking", data: "xyz", index: 1 }, index: 1 },
      {
        type: "text",
        text: "Calling.",
        index: 2,
        annotations: [{ type: "char_location", cited_text: "a" }],
      },
      { type: "tool_call", id: "toolu_1", name: "lookup", args: { q: "x" }, index: 3 },
      { type: "image", mimeType: "image/jpeg", data: "/9j/" },
      { type: "file", url: "https://example.com/a.pdf" },
    ]);
  });

  it("adds an AI message's reasoning, tool calls, invalid calls and refusal", () => {
    const message = new AIMessage({
      content: "Answer.",
      additional_kwargs: { reasoning_content: "Because.", refusal: "No." },
      tool_calls: [{ id: "call_1", name: "f", args: { a: 1 } }],
      invalid_tool_calls: [{ id: "call_2", name: "g", args: "{oops", error: "bad JSON" }],
    });
    expect(message.contentBlocks).toEqual([
      { type: "reasoning", reasoning: "Because." },
      { type: "text", text: "Answer." },
      { type: "tool_call", id: "call_1", name: "f", args: { a: 1 } },
      { type: "invalid_tool_call", id: "call_2", name: "g", args: "{oops", error: "bad JSON" },
      { type: "refusal", refusal: "No." },
    ]);
    const chunk = new AIMessageChunk({
      content: "",
      tool_call_chunks: [{ id: "c", name: "f", args: '{"x":1}', index: 0 }],
    });
    expect(chunk.contentBlocks).toEqual([{ type: "tool_call", id: "c", name: "f", args: { x: 1 } }]);
  });

  it("passes standard blocks through, upgrades 0.3 data blocks, and keeps unknown parts as non_standard", () => {
    expect(
      toStandardBlocks([
        { type: "reasoning", reasoning: "r" },
        { type: "image", source_type: "url", url: "https://x/a.png" },
        { type: "file", source_type: "base64", data: "AAA", mime_type: "application/pdf" },
        { type: "audio", source_type: "id", id: "f-1" },
        { type: "custom_part", payload: 1 },
      ]),
    ).toEqual([
      { type: "reasoning", reasoning: "r" },
      { type: "image", url: "https://x/a.png" },
      { type: "file", data: "AAA", mimeType: "application/pdf" },
      { type: "audio", fileId: "f-1" },
      { type: "non_standard", value: { type: "custom_part", payload: 1 } },
    ]);
  });

  it("returns v1 content as is and never changes the content", () => {
    const content = [
      { type: "reasoning", reasoning: "r" },
      { type: "text", text: "t" },
    ];
    const message = new AIMessage({
      content,
      response_metadata: { output_version: "v1" },
      tool_calls: [{ id: "c", name: "f", args: {} }],
    });
    expect(message.contentBlocks).toEqual(content);
    const provider = new HumanMessage({ content: [{ type: "image_url", image_url: "https://x" }] });
    void provider.contentBlocks;
    expect(provider.content).toEqual([{ type: "image_url", image_url: "https://x" }]);
  });
});
