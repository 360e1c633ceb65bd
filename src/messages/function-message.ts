import type { BaseMessageFields } from "./base-message.js";
import { BaseMessage } from "./base-message.js";
import type { MessageType } from "./message-json.js";

/** Fields of a {@link FunctionMessage}: the base fields, with `name` (the function's) required. */
export interface FunctionMessageFields extends BaseMessageFields {
  name: string;
}

/**
 * The result of a legacy OpenAI function call (the predecessor of tool calls and
 * {@link ToolMessage}), kept so stored conversations and ported code still load. Its type is
 * `"function"` and `name` names the function that produced it.
 *
 * @example
 * new FunctionMessage({ content: '{"temperature": 18}', name: "get_weather" });
 */
export class FunctionMessage extends BaseMessage {
  declare name: string;

  constructor(fields: FunctionMessageFields) {
    super(fields);
    this.name = fields.name;
  }

  override getType(): MessageType {
    return "function";
  }

  /** True for any FunctionMessage (its chunk too), even one made by another copy of the package. */
  static override isInstance(value: unknown): value is FunctionMessage {
    return BaseMessage.isInstance(value) && value.getType() === "function";
  }
}

/** Type guard for {@link FunctionMessage} (chunks included). */
export function isFunctionMessage(value: unknown): value is FunctionMessage {
  return FunctionMessage.isInstance(value);
}
