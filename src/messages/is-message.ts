import type { MessageContent } from "./content-block.js";

/**
 * The structural shape of a message: a `type` and a `content` that is a string or a list of
 * blocks (`@langchain/core`'s `Message`). Every {@link BaseMessage} has it; so does a plain object
 * such as a message read back from JSON.
 */
export interface Message {
  readonly type: string;
  content: MessageContent;
  id?: string | undefined;
  name?: string | undefined;
}

/**
 * Whether a value looks like a message: an object with a `type` and a string or array `content`,
 * as `@langchain/core`'s `isMessage` checks. Unlike {@link isBaseMessage} it is structural, so it
 * also accepts plain objects (`{ type: "human", content: "hi" }`); `{ role, content }` objects,
 * which have no `type`, are not messages.
 *
 * @example
 * isMessage(new HumanMessage("hi")); // true
 * isMessage({ type: "ai", content: [] }); // true
 * isMessage({ role: "user", content: "hi" }); // false
 */
export function isMessage(value: unknown): value is Message {
  if (typeof value !== "object" || value === null || !("type" in value) || !("content" in value))
    return false;
  const { content } = value;
  return typeof content === "string" || Array.isArray(content);
}
