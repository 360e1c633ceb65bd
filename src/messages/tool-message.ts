import type { BaseMessageFields, FieldPurpose } from "./base-message.js";
import { BaseMessage } from "./base-message.js";
import type { MessageContent } from "./content-block.js";
import type { MessageType } from "./message-json.js";

/** Fields of a {@link ToolMessage}: the base fields plus the id of the call it answers. */
export interface ToolMessageFields extends BaseMessageFields {
  tool_call_id: string;
  status?: "success" | "error" | undefined;
  artifact?: unknown;
  /** The answering tool's `metadata` (`@langchain/core` copies it onto the message). */
  metadata?: Record<string, unknown> | undefined;
}

/**
 * The result of a tool call, sent back to the model. `tool_call_id` links it to the call;
 * `artifact` carries data for the application that the model does not see; `status` marks a
 * failed call.
 *
 * @example
 * new ToolMessage({ content: "18°C, clear", tool_call_id: "call_1" });
 * new ToolMessage("18°C, clear", "call_1"); // same
 */
export class ToolMessage extends BaseMessage {
  tool_call_id: string;
  status?: "success" | "error";
  artifact?: unknown;
  /** The metadata of the tool that answered (a tool's `metadata` field), for the application. */
  metadata?: Record<string, unknown>;

  constructor(fields: ToolMessageFields);
  constructor(content: MessageContent, toolCallId: string);
  constructor(fields: MessageContent | ToolMessageFields, toolCallId?: string) {
    const f: ToolMessageFields =
      typeof fields === "string" || Array.isArray(fields)
        ? { content: fields, tool_call_id: toolCallId ?? "" }
        : fields;
    super(f);
    this.tool_call_id = f.tool_call_id;
    if (f.status !== undefined) this.status = f.status;
    if (f.artifact !== undefined) this.artifact = f.artifact;
    if (f.metadata !== undefined) this.metadata = f.metadata;
  }

  override getType(): MessageType {
    return "tool";
  }

  protected override ownFields(_purpose: FieldPurpose): Array<readonly [string, unknown]> {
    return [
      ["tool_call_id", this.tool_call_id],
      ["status", this.status],
      ["artifact", this.artifact],
    ];
  }

  protected override formattedDetails(): string[] {
    return this.name ? [`Name: ${this.name}`] : [];
  }

  /** True for any ToolMessage (chunks included), even one made by another copy of the package. */
  static override isInstance(value: unknown): value is ToolMessage {
    return BaseMessage.isInstance(value) && value.getType() === "tool";
  }
}

/** Type guard for {@link ToolMessage} (chunks included). */
export function isToolMessage(value: unknown): value is ToolMessage {
  return ToolMessage.isInstance(value);
}
