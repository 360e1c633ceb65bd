import { AIMessage } from "../../messages/ai-message.js";
import type { ContentBlock } from "../../messages/content-block.js";
import type { InvalidToolCall, ToolCall } from "../../messages/tool-call.js";
import type { UsageMetadata } from "../../messages/usage-metadata.js";
import { applyBlockDelta } from "./apply-block-delta.js";
import type {
  ChatModelStreamEvent,
  ContentBlockDelta,
  FinishReason,
  MessageStartEvent,
} from "./chat-model-stream-event.js";
import { finishStreamBlock } from "./finish-stream-block.js";
import type { StreamContentBlock, StreamToolCallBlock } from "./stream-content-block.js";

/** What became of one block: how it started, what its deltas appended and merged, how it finished. */
interface BlockRecord {
  readonly start: StreamContentBlock;
  /** The block as it stands: a copy of `start` with the deltas applied (then the finished block). */
  current: StreamContentBlock;
  /** The kind of append delta this block received (text, reasoning, args or data), and the text they added. */
  appendKind: "text-delta" | "reasoning-delta" | "tool-call-delta" | "data-delta" | undefined;
  appended: string;
  /** The fields `block-delta`s merged, in one object. */
  merged: ({ type: string } & Record<string, unknown>) | undefined;
  finish: StreamContentBlock | undefined;
}

/** Partial usage as a whole `UsageMetadata` (a missing count is 0), as readers of `.usage` get it. */
export function completeUsage(usage: Partial<UsageMetadata>): UsageMetadata {
  return {
    ...usage,
    input_tokens: usage.input_tokens ?? 0,
    output_tokens: usage.output_tokens ?? 0,
    total_tokens: usage.total_tokens ?? 0,
  };
}

function applyDelta(record: BlockRecord, delta: ContentBlockDelta): void {
  applyBlockDelta(record.current, delta);
  if (delta.type === "block-delta") {
    record.merged = { ...record.merged, ...delta.fields };
    return;
  }
  record.appendKind = delta.type;
  record.appended +=
    delta.type === "text-delta"
      ? delta.text
      : delta.type === "reasoning-delta"
        ? delta.reasoning
        : delta.type === "tool-call-delta"
          ? delta.args
          : delta.data;
}

/** The one delta that appends what a block's deltas appended. */
function appendDelta(record: BlockRecord): ContentBlockDelta | undefined {
  const text = record.appended;
  switch (record.appendKind) {
    case "text-delta":
      return { type: "text-delta", text };
    case "reasoning-delta":
      return { type: "reasoning-delta", reasoning: text };
    case "tool-call-delta":
      return { type: "tool-call-delta", args: text };
    case "data-delta":
      return { type: "data-delta", data: text, encoding: "base64" };
    default:
      return undefined;
  }
}

/**
 * Everything a {@link ChatModelStream} knows about its response so far, folded from its events
 * as they go by: the blocks (as they stand, or finished), the text and reasoning, the finished
 * tool calls, the latest usage and the finish. It answers `await`s (the message, the text...)
 * without keeping the events, and gives a late reader a compact equivalent of the events it
 * missed (`catchUp`). Its size is the message's, not the number of events.
 */
export class ChatModelStreamState {
  #start: MessageStartEvent | undefined;
  readonly #blocks: BlockRecord[] = [];
  #usage: Partial<UsageMetadata> | undefined;
  #usageFromEvent = false;
  #reason: FinishReason | undefined;
  #responseMetadata: Record<string, unknown> = {};
  #finished = false;
  text = "";
  reasoning = "";
  readonly toolCalls: StreamToolCallBlock[] = [];

  /** The latest usage snapshot, with every count present (undefined when none was reported). */
  get usage(): UsageMetadata | undefined {
    return this.#usage === undefined ? undefined : completeUsage(this.#usage);
  }

  /** Folds one event in. */
  apply(event: ChatModelStreamEvent): void {
    switch (event.event) {
      case "message-start":
        this.#start = event;
        if (event.usage !== undefined) this.#usage = event.usage;
        return;
      case "content-block-start":
        this.#blocks[event.index] = {
          start: event.content,
          current: { ...event.content },
          appendKind: undefined,
          appended: "",
          merged: undefined,
          finish: undefined,
        };
        return;
      case "content-block-delta":
        this.#onDelta(event.index, event.delta);
        return;
      case "content-block-finish":
        this.#onFinish(event.index, event.content);
        return;
      case "usage":
        this.#usage = event.usage;
        this.#usageFromEvent = true;
        return;
      case "message-finish":
        this.#finished = true;
        this.#reason = event.reason;
        if (event.usage !== undefined) this.#usage = event.usage;
        if (event.responseMetadata !== undefined) this.#responseMetadata = event.responseMetadata;
        return;
      default:
        return;
    }
  }

  #onDelta(index: number, delta: ContentBlockDelta): void {
    if (delta.type === "text-delta") this.text += delta.text;
    else if (delta.type === "reasoning-delta") this.reasoning += delta.reasoning;
    const record = this.#blocks[index];
    if (record !== undefined) applyDelta(record, delta);
  }

  #onFinish(index: number, content: StreamContentBlock): void {
    const record = this.#blocks[index];
    if (record === undefined) {
      this.#blocks[index] = {
        start: content,
        current: content,
        appendKind: undefined,
        appended: "",
        merged: undefined,
        finish: content,
      };
    } else {
      record.current = content;
      record.finish = content;
    }
    if (content.type === "tool_call") this.toolCalls.push(content);
  }

  /** The events so far, compacted: each block's start, one delta per kind it received, and its finish. */
  catchUp(): ChatModelStreamEvent[] {
    const events: ChatModelStreamEvent[] = [];
    if (this.#start !== undefined) events.push(this.#start);
    this.#blocks.forEach((record, index) => {
      events.push({ event: "content-block-start", index, content: record.start });
      const delta = appendDelta(record);
      if (delta !== undefined) events.push({ event: "content-block-delta", index, delta });
      if (record.merged !== undefined) {
        events.push({
          event: "content-block-delta",
          index,
          delta: { type: "block-delta", fields: record.merged },
        });
      }
      if (record.finish !== undefined)
        events.push({ event: "content-block-finish", index, content: record.finish });
    });
    if (this.#usageFromEvent && this.#usage !== undefined)
      events.push({ event: "usage", usage: this.#usage });
    if (this.#finished) {
      events.push({
        event: "message-finish",
        ...(this.#reason === undefined ? {} : { reason: this.#reason }),
        ...(this.#usage === undefined ? {} : { usage: this.#usage }),
        responseMetadata: this.#responseMetadata,
      });
    }
    return events;
  }

  /**
   * The response as an `AIMessage`, as `@langchain/core`'s stream assembles it: the blocks as
   * content (v1 shapes; a block that never finished is finished here), `tool_calls` and
   * `invalid_tool_calls` from the call blocks, the usage, and the response metadata with
   * `finish_reason` and `output_version: "v1"`.
   */
  message(): AIMessage {
    const content: ContentBlock[] = [];
    const toolCalls: ToolCall[] = [];
    const invalidToolCalls: InvalidToolCall[] = [];
    for (const record of this.#blocks) {
      if (record === undefined) continue;
      const block = record.finish ?? finishStreamBlock(record.current);
      content.push({ ...block });
      if (block.type === "tool_call") {
        toolCalls.push({ name: block.name, args: block.args, type: "tool_call", ...idOf(block.id) });
      } else if (block.type === "invalid_tool_call") {
        const { id, name, args, error } = block;
        invalidToolCalls.push({
          ...idOf(id),
          ...(name === undefined ? {} : { name }),
          ...(args === undefined ? {} : { args }),
          error,
          type: "invalid_tool_call",
        });
      }
    }
    const id = this.#start?.id;
    return new AIMessage({
      content,
      ...(id === undefined ? {} : { id }),
      tool_calls: toolCalls,
      invalid_tool_calls: invalidToolCalls,
      ...(this.#usage === undefined ? {} : { usage_metadata: completeUsage(this.#usage) }),
      response_metadata: {
        ...this.#responseMetadata,
        ...(this.#reason === undefined ? {} : { finish_reason: this.#reason }),
        output_version: "v1",
      },
    });
  }
}

function idOf(id: string | undefined): { id?: string } {
  return id === undefined ? {} : { id };
}
