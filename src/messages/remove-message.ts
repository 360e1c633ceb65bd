import { InvalidInputError } from "../errors/input-errors.js";
import { BaseMessage } from "./base-message.js";
import type { MessageType } from "./message-json.js";

/** Fields of a {@link RemoveMessage}: the id of the message to delete (content is always empty). */
export interface RemoveMessageFields {
  id: string;
  additional_kwargs?: Record<string, unknown> | undefined;
  response_metadata?: Record<string, unknown> | undefined;
}

/**
 * An instruction, not a turn of the conversation: "delete the message with this `id`" from a
 * message list that understands it (a graph state's messages reducer). Its type is `"remove"` and
 * its content is always an empty list; a model is never sent one.
 *
 * @example
 * new RemoveMessage({ id: "msg-3" });
 */
export class RemoveMessage extends BaseMessage {
  declare id: string;

  constructor(fields: RemoveMessageFields) {
    if (typeof fields?.id !== "string" || fields.id === "") {
      throw new InvalidInputError(
        "RemoveMessage needs the `id` (a non-empty string) of the message to remove: new RemoveMessage({ id }).",
      );
    }
    super({ ...fields, content: [] });
    this.id = fields.id;
  }

  override getType(): MessageType {
    return "remove";
  }

  /** True for any RemoveMessage, even one made by another copy of the package. */
  static override isInstance(value: unknown): value is RemoveMessage {
    return BaseMessage.isInstance(value) && value.getType() === "remove";
  }
}
