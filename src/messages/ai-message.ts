import { aiContentBlocks } from "./ai-content-blocks.js";
import type { BaseMessageFields, FieldPurpose } from "./base-message.js";
import { BaseMessage } from "./base-message.js";
import { checkUsageMetadataShape } from "./check-usage-metadata-shape.js";
import type { MessageContent } from "./content-block.js";
import type { MessageType } from "./message-json.js";
import { toolCallLines } from "./pretty-message.js";
import type { StandardContentBlock } from "./standard-content-block.js";
import type { InvalidToolCall, ToolCall } from "./tool-call.js";
import { checkUsageMetadata, type UsageMetadata } from "./usage-metadata.js";

/** Fields of an {@link AIMessage}: the base fields plus tool calls and token usage. */
export interface AIMessageFields extends BaseMessageFields {
  tool_calls?: ToolCall[] | undefined;
  invalid_tool_calls?: InvalidToolCall[] | undefined;
  usage_metadata?: UsageMetadata | undefined;
}

/**
 * A reply from the model: its content, the tools it asks to call (`tool_calls`, args parsed), the
 * calls whose args did not parse (`invalid_tool_calls`) and the token usage it reported.
 *
 * `tool_calls` and `invalid_tool_calls` are accessors so that {@link AIMessageChunk} can derive
 * them lazily from its fragments; here they simply store what they are given.
 *
 * @example
 * new AIMessage({ content: "", tool_calls: [{ name: "search", args: { q: "rain" }, id: "call_1" }] });
 */
export class AIMessage extends BaseMessage {
  usage_metadata?: UsageMetadata;
  // Made on first read when not given: a chunk (whose accessors derive them) never reads these.
  #toolCalls: ToolCall[] | undefined;
  #invalidToolCalls: InvalidToolCall[] | undefined;

  constructor(fields: MessageContent | AIMessageFields) {
    super(fields);
    const f: AIMessageFields =
      typeof fields === "string" || Array.isArray(fields) ? { content: fields } : fields;
    // Kept as given, as in `@langchain/core`: a call given without `type` does not gain one.
    this.#toolCalls = f.tool_calls;
    this.#invalidToolCalls = f.invalid_tool_calls;
    if (f.usage_metadata !== undefined) {
      this.usage_metadata = checkUsageMetadata(checkUsageMetadataShape(f.usage_metadata));
    }
  }

  /** The tool calls the model asked for, with parsed arguments. */
  get tool_calls(): ToolCall[] {
    this.#toolCalls ??= [];
    return this.#toolCalls;
  }

  set tool_calls(value: ToolCall[]) {
    this.#toolCalls = value;
  }

  /** Tool calls whose arguments were not a JSON object; `args` holds the raw text. */
  get invalid_tool_calls(): InvalidToolCall[] {
    this.#invalidToolCalls ??= [];
    return this.#invalidToolCalls;
  }

  set invalid_tool_calls(value: InvalidToolCall[]) {
    this.#invalidToolCalls = value;
  }

  override getType(): MessageType {
    return "ai";
  }

  protected override ownFields(_purpose: FieldPurpose): Array<readonly [string, unknown]> {
    return [
      ["tool_calls", this.tool_calls],
      ["invalid_tool_calls", this.invalid_tool_calls],
      ["usage_metadata", this.usage_metadata],
    ];
  }

  /**
   * The content as standard blocks (see `BaseMessage.contentBlocks`), with the reasoning kept in
   * `additional_kwargs.reasoning_content` first, then the tool calls, invalid tool calls and
   * refusal the content does not hold. A message written with `outputVersion: "v1"` already holds
   * them: its content is returned as is.
   */
  override get contentBlocks(): StandardContentBlock[] {
    return aiContentBlocks(this);
  }

  protected override formattedDetails(): string[] {
    return toolCallLines(this.tool_calls);
  }

  /** True for any AIMessage (chunks included), even one made by another copy of the package. */
  static override isInstance(value: unknown): value is AIMessage {
    return BaseMessage.isInstance(value) && value.getType() === "ai";
  }
}

/** Type guard for {@link AIMessage} (chunks included). */
export function isAIMessage(value: unknown): value is AIMessage {
  return AIMessage.isInstance(value);
}
