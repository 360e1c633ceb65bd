import type { MessageContent } from "./content-block.js";
import type { StandardContentBlock } from "./standard-content-block.js";
import { toStandardBlocks } from "./to-standard-blocks.js";
import type { InvalidToolCall, ToolCall } from "./tool-call.js";

/** What an AI message's standard blocks are read from. */
export interface AIContentSource {
  content: MessageContent;
  additional_kwargs: Record<string, unknown>;
  response_metadata: Record<string, unknown>;
  tool_calls: readonly ToolCall[];
  invalid_tool_calls: readonly InvalidToolCall[];
}

/** Whether a message's content already is the standard list (a model with `outputVersion: "v1"` wrote it). */
export function isV1Content(source: { response_metadata: Record<string, unknown> }): boolean {
  return source.response_metadata.output_version === "v1";
}

function hasCallBlock(blocks: readonly StandardContentBlock[], id: string | undefined): boolean {
  return id !== undefined && blocks.some((block) => block.type === "tool_call" && block.id === id);
}

/**
 * An AI message's standard blocks: its reasoning (OpenAI-compatible `reasoning_content` kept in
 * `additional_kwargs`, when the content has none), its content's blocks, its tool calls and
 * invalid tool calls not already written in the content (matched by id), and OpenAI's
 * `refusal`. Content written in v1 (`response_metadata.output_version: "v1"`) is returned as is.
 */
export function aiContentBlocks(source: AIContentSource): StandardContentBlock[] {
  const fromContent = toStandardBlocks(source.content);
  if (isV1Content(source)) return fromContent;
  const blocks: StandardContentBlock[] = [];
  const reasoning = source.additional_kwargs.reasoning_content;
  if (
    typeof reasoning === "string" &&
    reasoning !== "" &&
    !fromContent.some((block) => block.type === "reasoning")
  ) {
    blocks.push({ type: "reasoning", reasoning });
  }
  blocks.push(...fromContent);
  for (const call of source.tool_calls) {
    if (hasCallBlock(blocks, call.id)) continue;
    blocks.push({
      type: "tool_call",
      ...(call.id === undefined ? {} : { id: call.id }),
      name: call.name,
      args: call.args,
    });
  }
  for (const call of source.invalid_tool_calls) {
    const block: StandardContentBlock = { type: "invalid_tool_call" };
    if (call.id !== undefined) block.id = call.id;
    if (call.name !== undefined) block.name = call.name;
    if (call.args !== undefined) block.args = call.args;
    if (call.error !== undefined) block.error = call.error;
    blocks.push(block);
  }
  const refusal = source.additional_kwargs.refusal;
  if (typeof refusal === "string" && refusal !== "") blocks.push({ type: "refusal", refusal });
  return blocks;
}
