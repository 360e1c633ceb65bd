import { BaseMessage } from "./base-message.js";
import type { MessageType } from "./message-json.js";

/**
 * A message from the user. A string argument is the content; an object sets the other fields too.
 *
 * @example
 * new HumanMessage("What is the capital of France?");
 */
export class HumanMessage extends BaseMessage {
  override getType(): MessageType {
    return "human";
  }

  /** True for any HumanMessage (its chunk too), even one made by another copy of the package. */
  static override isInstance(value: unknown): value is HumanMessage {
    return BaseMessage.isInstance(value) && value.getType() === "human";
  }
}

/** Type guard for {@link HumanMessage} (chunks included). */
export function isHumanMessage(value: unknown): value is HumanMessage {
  return HumanMessage.isInstance(value);
}
