import type { BaseMessage } from "../messages/base-message.js";
import { formatMessage } from "../messages/format-message.js";
import { getBufferString } from "../messages/get-buffer-string.js";
import type { MessageJSON } from "../messages/message-json.js";
import type { ChatMessagesSource } from "../messages/to-chat-messages.js";

const BRAND = Symbol.for("rivulet.prompt_value.chat");
const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/**
 * The output of a {@link ChatPromptTemplate}: the formatted messages. A chat model reads
 * `toChatMessages()`; `toString()` gives a `Human: ...\nAI: ...` transcript for completion models.
 *
 * @example
 * const value = await ChatPromptTemplate.fromTemplate("tell me a joke about {topic}").invoke({ topic: "parrot" });
 * console.log(value); // ChatPromptValue(messages=[HumanMessage(content='tell me a joke about parrot')])
 */
export class ChatPromptValue implements ChatMessagesSource {
  readonly messages: BaseMessage[];
  readonly [BRAND] = true;

  constructor(messages: BaseMessage[] | { messages: BaseMessage[] }) {
    this.messages = Array.isArray(messages) ? messages : messages.messages;
  }

  /** The messages (the list itself, as `@langchain/core` returns it). */
  toChatMessages(): BaseMessage[] {
    return this.messages;
  }

  /** The messages as a transcript, one `Role: text` line each (see {@link getBufferString}). */
  toString(): string {
    return getBufferString(this.messages);
  }

  toJSON(): { messages: MessageJSON[] } {
    return { messages: this.messages.map((m) => m.toJSON()) };
  }

  /** `console.log` shows `ChatPromptValue(messages=[HumanMessage(content='...')])`. */
  [INSPECT](): string {
    return formatMessage("ChatPromptValue", [["messages", this.messages]]);
  }

  /** True for any ChatPromptValue, even one made by another copy of the package. */
  static isInstance(value: unknown): value is ChatPromptValue {
    return typeof value === "object" && value !== null && Reflect.get(value, BRAND) === true;
  }
}
