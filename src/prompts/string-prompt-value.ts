import type { BaseMessage } from "../messages/base-message.js";
import { formatMessage } from "../messages/format-message.js";
import { HumanMessage } from "../messages/human-message.js";
import type { ChatMessagesSource } from "../messages/to-chat-messages.js";

const BRAND = Symbol.for("rivulet.prompt_value.string");
const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/**
 * The output of a {@link PromptTemplate}: the formatted text. A completion model reads
 * `toString()`; a chat model reads `toChatMessages()`, which is one human message.
 *
 * @example
 * const value = await PromptTemplate.fromTemplate("hi {name}").invoke({ name: "Ada" });
 * value.value;            // "hi Ada"
 * value.toChatMessages(); // [HumanMessage(content='hi Ada')]
 */
export class StringPromptValue implements ChatMessagesSource {
  readonly value: string;
  readonly [BRAND] = true;

  constructor(value: string) {
    this.value = value;
  }

  /** The formatted text. */
  toString(): string {
    return this.value;
  }

  /** The text as one human message, for chat models. */
  toChatMessages(): BaseMessage[] {
    return [new HumanMessage(this.value)];
  }

  toJSON(): { value: string } {
    return { value: this.value };
  }

  /** `console.log` shows `StringPromptValue(value='hi Ada')`. */
  [INSPECT](): string {
    return formatMessage("StringPromptValue", [["value", this.value]]);
  }

  /** True for any StringPromptValue, even one made by another copy of the package. */
  static isInstance(value: unknown): value is StringPromptValue {
    return typeof value === "object" && value !== null && Reflect.get(value, BRAND) === true;
  }
}
