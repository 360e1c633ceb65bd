import { InvalidInputError } from "../errors/input-errors.js";
import { checkNumberOption } from "../internal/check-number-option.js";
import type { ContentBlock, MessageContent } from "./content-block.js";
import { describeWrongValue } from "./describe-wrong-value.js";

const HOW = 'Use a string, or blocks like [{ type: "text", text: "..." }].';

function isBlock(value: unknown): value is ContentBlock {
  return typeof value === "object" && value !== null && "type" in value && typeof value.type === "string";
}

/**
 * Checks a message's content where the message is built, so that a number, an object or a list
 * holding something other than blocks (`null`, a string, a block without a string `type`) is an
 * `InvalidInputError` naming the message and the problem at the call, instead of a raw
 * `TypeError` later (in `text`, a merge or a provider). `undefined` and `null` (OpenAI's content
 * of an assistant message that only calls tools) mean no content: `""`. `owner` names the message
 * in the error.
 *
 * @example
 * checkMessageContent([{ type: "text", text: "hi" }], "HumanMessage"); // returned as is
 * checkMessageContent(42, "HumanMessage"); // throws InvalidInputError
 */
export function checkMessageContent(content: unknown, owner: string): MessageContent {
  if (typeof content === "string") return content;
  if (content === undefined || content === null) return "";
  if (!Array.isArray(content)) {
    throw new InvalidInputError(
      `${owner} content must be a string or an array of content blocks, got ${describeWrongValue(content)}. ${HOW}`,
    );
  }
  for (let index = 0; index < content.length; index++) {
    const block: unknown = content[index];
    if (isBlock(block)) {
      // The index says which streamed blocks merge: NaN never matches, a negative one is a bug
      // upstream. A string index (`"lc_txt_0"`) is a name, matched as is.
      if (block.index !== undefined && typeof block.index !== "string") {
        checkNumberOption(`${owner} content[${index}].index`, block.index, "non-negative-integer");
      }
      continue;
    }
    const problem =
      describeWrongValue(block) === "an object"
        ? "an object without a string `type`"
        : describeWrongValue(block);
    throw new InvalidInputError(
      `${owner} content must be a string or an array of content blocks, but block ${index} is ${problem}. ${HOW}`,
    );
  }
  return content;
}
