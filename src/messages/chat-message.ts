import type { BaseMessageFields, FieldPurpose } from "./base-message.js";
import { BaseMessage } from "./base-message.js";
import type { MessageContent } from "./content-block.js";
import type { MessageType } from "./message-json.js";

/** Fields of a {@link ChatMessage}: the base fields plus a free-form role. */
export interface ChatMessageFields extends BaseMessageFields {
  role: string;
}

/**
 * A message with an arbitrary `role`, for providers with roles beyond human/ai/system/tool. Its
 * type is `"generic"`.
 *
 * @example
 * new ChatMessage("Checked the logs.", "observer");
 * new ChatMessage({ content: "Checked the logs.", role: "observer" }); // same
 */
export class ChatMessage extends BaseMessage {
  role: string;

  constructor(fields: ChatMessageFields);
  constructor(content: MessageContent, role: string);
  constructor(fields: MessageContent | ChatMessageFields, role?: string) {
    const f: ChatMessageFields =
      typeof fields === "string" || Array.isArray(fields) ? { content: fields, role: role ?? "" } : fields;
    super(f);
    this.role = f.role;
  }

  override getType(): MessageType {
    return "generic";
  }

  protected override ownFields(_purpose: FieldPurpose): Array<readonly [string, unknown]> {
    return [["role", this.role]];
  }

  /** True for any ChatMessage (chunks included), even one made by another copy of the package. */
  static override isInstance(value: unknown): value is ChatMessage {
    return BaseMessage.isInstance(value) && value.getType() === "generic";
  }
}

/** Type guard for {@link ChatMessage} (chunks included). */
export function isChatMessage(value: unknown): value is ChatMessage {
  return ChatMessage.isInstance(value);
}
