import { describe, expect, it } from "vitest";
import type { ContentBlock } from "./content-block.js";
import { mergeContent } from "./merge-content.js";

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

  it("leaves its operands unchanged", () => {
    const left: ContentBlock[] = [{ type: "text", text: "a", index: 0 }];
    const right: ContentBlock[] = [{ type: "text", text: "b", index: 0 }];
    mergeContent(left, right);
    expect(left).toEqual([{ type: "text", text: "a", index: 0 }]);
    expect(right).toEqual([{ type: "text", text: "b", index: 0 }]);
  });
});
