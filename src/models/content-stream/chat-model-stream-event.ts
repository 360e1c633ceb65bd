import type { UsageMetadata } from "../../messages/usage-metadata.js";
import type { StreamContentBlock } from "./stream-content-block.js";

/** The first event of a response: the message id, and the input usage when the provider reports it up front. */
export interface MessageStartEvent {
  event: "message-start";
  id?: string;
  usage?: Partial<UsageMetadata>;
}

/** Why generation stopped: naturally, at the token limit, to call tools, or by a content filter. */
export type FinishReason = "stop" | "length" | "tool_use" | "content_filter";

/** The last event of a response: why it stopped, the final usage, and the provider's response metadata. */
export interface MessageFinishEvent {
  event: "message-finish";
  reason?: FinishReason;
  usage?: Partial<UsageMetadata>;
  /** The provider's metadata (model name, provider finish reason...). */
  responseMetadata?: Record<string, unknown>;
}

/** A content block begins at position `index` of the message; `content` is its initial state. */
export interface ContentBlockStartEvent {
  event: "content-block-start";
  index: number;
  content: StreamContentBlock;
}

/** Text to append to a text block's `text`. */
export interface TextDelta {
  type: "text-delta";
  text: string;
}

/** Text to append to a reasoning block's `reasoning`. */
export interface ReasoningDelta {
  type: "reasoning-delta";
  reasoning: string;
}

/** Encoded data (base64) to append to a multimodal block's `data`. */
export interface DataDelta {
  type: "data-delta";
  data: string;
  encoding?: "base64";
}

/** A slice of a tool call's argument text to append to its `args`; not valid JSON on its own. */
export interface ToolCallDelta {
  type: "tool-call-delta";
  args: string;
}

/** Fields to shallow-merge onto a block (a reasoning `signature`, a provider field). */
export interface BlockDelta {
  type: "block-delta";
  fields: { type: string } & Record<string, unknown>;
}

/** The incremental updates a content block receives; consumers skip kinds they do not know. */
export type ContentBlockDelta = TextDelta | ReasoningDelta | DataDelta | ToolCallDelta | BlockDelta;

/** An update to the block at `index`. */
export interface ContentBlockDeltaEvent {
  event: "content-block-delta";
  index: number;
  delta: ContentBlockDelta;
}

/** The block at `index` is complete; `content` is its final state (a tool call's args parsed). */
export interface ContentBlockFinishEvent {
  event: "content-block-finish";
  index: number;
  content: StreamContentBlock;
}

/** A running usage snapshot (not an increment): the usage of the response so far. */
export interface UsageUpdateEvent {
  event: "usage";
  usage: Partial<UsageMetadata>;
}

/** A provider event with no standard counterpart, passed through as it came. */
export interface ProviderEvent {
  event: "provider";
  provider: string;
  name: string;
  payload: unknown;
}

/** An unrecoverable stream error reported as an event (Rivulet's streams throw instead; kept for ported producers). */
export interface StreamErrorEvent {
  event: "error";
  message: string;
  code?: string;
}

/**
 * One event of a chat model's content-block stream (`@langchain/core` 1.4's
 * `ChatModelStreamEvent`), discriminated on `event`. A response is `message-start`, then for
 * each block `content-block-start`, its `content-block-delta`s and `content-block-finish`
 * (blocks may interleave, as parallel tool calls do), `usage` snapshots anywhere, and
 * `message-finish` last.
 *
 * @example
 * for await (const event of model.streamEvents("Hi")) {
 *   if (event.event === "content-block-delta" && event.delta.type === "text-delta") process.stdout.write(event.delta.text);
 * }
 */
export type ChatModelStreamEvent =
  | MessageStartEvent
  | MessageFinishEvent
  | ContentBlockStartEvent
  | ContentBlockDeltaEvent
  | ContentBlockFinishEvent
  | UsageUpdateEvent
  | ProviderEvent
  | StreamErrorEvent;
