import type { ContentBlock, MessageContent } from "./content-block.js";
import { mergeArrays } from "./merge-objects.js";

function textBlocks(text: string): ContentBlock[] {
  return text === "" ? [] : [{ type: "text", text }];
}

/**
 * Concatenates two message contents: strings join; lists merge blocks by `index` (blocks with the
 * same index merge, their text joining; blocks without an index are appended); a string meeting a
 * list becomes a text block first (an empty string adds nothing). Returns a new value.
 *
 * @example
 * mergeContent([{ type: "text", text: "He", index: 0 }], [{ type: "text", text: "llo", index: 0 }]);
 * // [{ type: "text", text: "Hello", index: 0 }]
 */
export function mergeContent(left: MessageContent, right: MessageContent): MessageContent {
  if (typeof right === "string") {
    return typeof left === "string" ? left + right : (mergeArrays(left, textBlocks(right)) as ContentBlock[]);
  }
  const leftBlocks = typeof left === "string" ? textBlocks(left) : left;
  return mergeArrays(leftBlocks, right) as ContentBlock[];
}
