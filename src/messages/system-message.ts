import { BaseMessage } from "./base-message.js";
import type { MessageType } from "./message-json.js";

/**
 * Instructions for the model, usually first in the list of messages.
 *
 * @example
 * new SystemMessage("You are a terse assistant.");
 */
export class SystemMessage extends BaseMessage {
  override getType(): MessageType {
    return "system";
  }

  /** True for any SystemMessage (its chunk too), even one made by another copy of the package. */
  static override isInstance(value: unknown): value is SystemMessage {
    return BaseMessage.isInstance(value) && value.getType() === "system";
  }
}

/** Type guard for {@link SystemMessage} (chunks included). */
export function isSystemMessage(value: unknown): value is SystemMessage {
  return SystemMessage.isInstance(value);
}
