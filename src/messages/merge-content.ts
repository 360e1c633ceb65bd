import type { ContentBlock, MessageContent } from "./content-block.js";
import { mergeArrays } from "./merge-objects.js";

/**
 * Concatenates two message contents as `@langchain/core`'s `mergeContent` does. Strings join. Two
 * lists merge block by block (see `mergeArrays`): a block continues the earlier block with the
 * same `index` (a number or a string) and kind (`text` and `text_delta` are one kind, `text` and
 * `thinking` two), or the same `id` when neither has an index; an empty text block that continues
 * nothing is left out; other blocks are appended. A string meeting a list becomes a text block put
 * in front of or after the list as is (an empty string, or an empty list, adds nothing). Returns a
 * new value; neither operand is changed.
 *
 * @example
 * mergeContent([{ type: "text", text: "He", index: 0 }], [{ type: "text", text: "llo", index: 0 }]);
 * // [{ type: "text", text: "Hello", index: 0 }]
 */
export function mergeContent(left: MessageContent, right: MessageContent): MessageContent {
  if (typeof left === "string") {
    if (typeof right === "string") return left + right;
    if (left === "") return right.slice();
    return right.length === 0 ? left : [{ type: "text", text: left }, ...right];
  }
  if (typeof right !== "string") return mergeArrays(left, right) as ContentBlock[];
  return right === "" ? left.slice() : [...left, { type: "text", text: right }];
}
