import type { AIMessageChunk } from "../../messages/ai-message-chunk.js";
import type { ContentBlock } from "../../messages/content-block.js";
import type { ToolCallChunk } from "../../messages/tool-call.js";
import { mergeUsageMetadata, type UsageMetadata } from "../../messages/usage-metadata.js";
import { applyBlockDelta } from "./apply-block-delta.js";
import type { ChatModelStreamEvent, ContentBlockDelta } from "./chat-model-stream-event.js";
import { completeUsage } from "./chat-model-stream-state.js";
import { finishReasonOf } from "./finish-reason-of.js";
import { finishStreamBlock } from "./finish-stream-block.js";
import type { StreamContentBlock } from "./stream-content-block.js";

/** An open block: its position in the message and its state so far. */
interface OpenBlock {
  readonly index: number;
  block: StreamContentBlock;
}

/**
 * Turns the `AIMessageChunk`s of one response into content-block events, for chat models that
 * only yield chunks. Each kind of content becomes its own block, numbered in the order it first
 * appears: string content and `text` parts are text blocks; `additional_kwargs.reasoning_content`
 * and `thinking`/`reasoning` parts are reasoning blocks (a `signature` arrives as a
 * `block-delta`); each tool call (by its fragment `index`, else its `id`) is a
 * `tool_call_chunk` block whose argument slices are `tool-call-delta`s; other parts are
 * `non_standard` blocks. The first chunk's usage goes in `message-start`, later usage as
 * running `usage` snapshots. `finish()` closes the blocks (a call's args parsed once) and gives
 * `message-finish` with the reason read from the response metadata.
 *
 * @example
 * const deriver = new ChunkEventDeriver();
 * deriver.push(new AIMessageChunk("Hel")); // message-start, content-block-start, text-delta "Hel"
 * deriver.finish(); // content-block-finish { type: "text", text: "Hel" }, message-finish { reason: "stop" }
 */
export class ChunkEventDeriver {
  readonly #blocks = new Map<string, OpenBlock>();
  #started = false;
  #usage: UsageMetadata | undefined;
  readonly #responseMetadata: Record<string, unknown> = {};
  #calledTools = false;
  #events: ChatModelStreamEvent[] = [];

  /** The events one chunk contributes, in order. */
  push(chunk: AIMessageChunk): ChatModelStreamEvent[] {
    this.#events = [];
    this.#startMessage(chunk);
    const reasoning = chunk.additional_kwargs.reasoning_content;
    if (typeof reasoning === "string" && reasoning !== "") {
      this.#append("reasoning", () => ({ type: "reasoning", reasoning: "" }), {
        type: "reasoning-delta",
        reasoning,
      });
    }
    if (typeof chunk.content === "string") {
      if (chunk.content !== "") {
        this.#append("text:", () => ({ type: "text", text: "" }), {
          type: "text-delta",
          text: chunk.content,
        });
      }
    } else {
      for (const part of chunk.content) this.#onPart(part);
    }
    chunk.tool_call_chunks.forEach((fragment, position) => {
      this.#onToolFragment(fragment, position);
    });
    Object.assign(this.#responseMetadata, chunk.response_metadata);
    return this.#events;
  }

  /**
   * Passes on the events a provider decoded for `chunk` itself (see `attachNativeStreamEvents`),
   * keeping track of them so that `finish()` closes the blocks they left open and ends the
   * message with their usage; the chunk's response metadata still gives the finish reason.
   */
  adopt(chunk: AIMessageChunk, events: readonly ChatModelStreamEvent[]): readonly ChatModelStreamEvent[] {
    for (const event of events) {
      if (event.event === "message-start") {
        this.#started = true;
        if (event.usage !== undefined) this.#usage = completeUsage(event.usage);
      } else if (event.event === "usage") {
        this.#usage = completeUsage(event.usage);
      } else if (event.event === "content-block-start") {
        this.#blocks.set(`native:${event.index}`, { index: event.index, block: { ...event.content } });
        if (event.content.type === "tool_call_chunk") this.#calledTools = true;
      } else if (event.event === "content-block-delta") {
        const open = this.#blocks.get(`native:${event.index}`);
        if (open !== undefined) applyBlockDelta(open.block, event.delta);
      } else if (event.event === "content-block-finish") {
        this.#blocks.delete(`native:${event.index}`);
      }
    }
    Object.assign(this.#responseMetadata, chunk.response_metadata);
    return events;
  }

  /** Closes every open block, in message order, and ends the message. */
  finish(): ChatModelStreamEvent[] {
    this.#events = [];
    if (!this.#started) this.#events.push({ event: "message-start" });
    const open = [...this.#blocks.values()].sort((a, b) => a.index - b.index);
    for (const { index, block } of open) {
      this.#events.push({ event: "content-block-finish", index, content: finishStreamBlock(block) });
    }
    this.#blocks.clear();
    const reason = finishReasonOf(this.#responseMetadata, { calledTools: this.#calledTools });
    this.#events.push({
      event: "message-finish",
      reason,
      ...(this.#usage === undefined ? {} : { usage: this.#usage }),
      responseMetadata: { ...this.#responseMetadata },
    });
    return this.#events;
  }

  #startMessage(chunk: AIMessageChunk): void {
    const usage = chunk.usage_metadata;
    if (!this.#started) {
      this.#started = true;
      this.#usage = usage;
      this.#events.push({
        event: "message-start",
        ...(chunk.id === undefined ? {} : { id: chunk.id }),
        ...(usage === undefined ? {} : { usage }),
      });
    } else if (usage !== undefined) {
      this.#usage = mergeUsageMetadata(this.#usage, usage);
      if (this.#usage !== undefined) this.#events.push({ event: "usage", usage: this.#usage });
    }
  }

  #onPart(part: ContentBlock): void {
    const key = `${part.type}:${part.index ?? ""}`;
    if (part.type === "text") {
      const text = typeof part.text === "string" ? part.text : "";
      this.#append(`text:${part.index ?? ""}`, () => ({ type: "text", text: "" }), {
        type: "text-delta",
        text,
      });
    } else if (part.type === "thinking" || part.type === "reasoning") {
      const reasoningKey = `reasoning:${part.index ?? ""}`;
      const text: unknown =
        "thinking" in part ? part.thinking : "reasoning" in part ? part.reasoning : undefined;
      const reasoning = typeof text === "string" ? text : "";
      this.#append(reasoningKey, () => ({ type: "reasoning", reasoning: "" }), {
        type: "reasoning-delta",
        reasoning,
      });
      if (typeof part.signature === "string" && part.signature !== "") {
        this.#append(reasoningKey, () => ({ type: "reasoning", reasoning: "" }), {
          type: "block-delta",
          fields: { type: "reasoning", signature: part.signature },
        });
      }
    } else if (part.type !== "tool_use") {
      // `tool_use` parts duplicate the tool-call fragments, which carry the calls.
      const { index: _index, ...value } = part;
      const open = this.#blocks.get(key);
      if (open === undefined) {
        this.#open(key, { type: "non_standard", value });
      } else if (open.block.type === "non_standard") {
        open.block = { type: "non_standard", value: { ...open.block.value, ...value } };
        this.#delta(open, { type: "block-delta", fields: { type: "non_standard", value: open.block.value } });
      }
    }
  }

  #onToolFragment(fragment: ToolCallChunk, position: number): void {
    this.#calledTools = true;
    const key = `tool:${fragment.index ?? fragment.id ?? `position ${position}`}`;
    let open = this.#blocks.get(key);
    if (open === undefined) {
      open = this.#open(key, {
        type: "tool_call_chunk",
        ...(fragment.id === undefined ? {} : { id: fragment.id }),
        ...(fragment.name === undefined ? {} : { name: fragment.name }),
        args: "",
        index: this.#blocks.size,
      });
    } else if (open.block.type === "tool_call_chunk") {
      // An id or name that arrives after the first fragment (rare) is merged, as the fragments merge.
      const fields: Record<string, string> = {};
      if (fragment.id !== undefined && open.block.id === undefined) fields.id = fragment.id;
      if (fragment.name !== undefined && open.block.name === undefined) fields.name = fragment.name;
      if (Object.keys(fields).length > 0)
        this.#delta(open, { type: "block-delta", fields: { type: "tool_call_chunk", ...fields } });
    }
    if (fragment.args !== undefined && fragment.args !== "")
      this.#delta(open, { type: "tool-call-delta", args: fragment.args });
  }

  /** Appends to the block under `key`, opening it (as `initial()`) first when new. */
  #append(key: string, initial: () => StreamContentBlock, delta: ContentBlockDelta): void {
    const open = this.#blocks.get(key) ?? this.#open(key, initial());
    const empty =
      (delta.type === "text-delta" && delta.text === "") ||
      (delta.type === "reasoning-delta" && delta.reasoning === "");
    if (!empty) this.#delta(open, delta);
  }

  #open(key: string, block: StreamContentBlock): OpenBlock {
    const open: OpenBlock = { index: this.#blocks.size, block };
    this.#blocks.set(key, open);
    this.#events.push({ event: "content-block-start", index: open.index, content: { ...block } });
    return open;
  }

  /** Applies a delta to the open block and reports it. */
  #delta(open: OpenBlock, delta: ContentBlockDelta): void {
    applyBlockDelta(open.block, delta);
    this.#events.push({ event: "content-block-delta", index: open.index, delta });
  }
}
