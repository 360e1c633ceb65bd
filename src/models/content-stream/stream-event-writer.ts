import type { AIMessageChunk } from "../../messages/ai-message-chunk.js";
import type { UsageMetadata } from "../../messages/usage-metadata.js";
import { applyBlockDelta } from "./apply-block-delta.js";
import type { ChatModelStreamEvent, ContentBlockDelta } from "./chat-model-stream-event.js";
import { finishStreamBlock } from "./finish-stream-block.js";
import { attachNativeStreamEvents } from "./native-stream-events.js";
import type { StreamContentBlock } from "./stream-content-block.js";

/** A block the writer has opened: its position and its state so far. */
interface WrittenBlock {
  readonly index: number;
  readonly block: StreamContentBlock;
}

/**
 * Builds a provider's native content-block events as its decoder reads the wire, and attaches
 * them to the chunks it yields (see `attachNativeStreamEvents`). Blocks are named by the
 * decoder's own keys (Anthropic's block index, OpenAI's tool-call index...) and numbered in
 * the order they open. Events for wire items that yield no chunk (a block's stop) wait for the
 * next chunk; every chunk gets the events so far, even none, so no chunk of a native stream is
 * derived twice. The message's end (`message-finish`) is the stream's, not the writer's.
 *
 * @example
 * const writer = new StreamEventWriter();
 * writer.text("text", "Hel");
 * yield writer.attach(new AIMessageChunk("Hel"));
 */
export class StreamEventWriter {
  readonly #blocks = new Map<string, WrittenBlock>();
  #pending: ChatModelStreamEvent[] = [];
  #started = false;
  #next = 0;

  /** Starts the message, with its id and the usage known up front; once only, before any block. */
  start(fields: { id?: string | undefined; usage?: UsageMetadata | undefined } = {}): void {
    if (this.#started) return;
    this.#started = true;
    this.#pending.push({
      event: "message-start",
      ...(fields.id === undefined ? {} : { id: fields.id }),
      ...(fields.usage === undefined ? {} : { usage: fields.usage }),
    });
  }

  /** Whether the block under `key` is open. */
  isOpen(key: string): boolean {
    return this.#blocks.has(key);
  }

  /** Opens a block under `key` (ignored when one is open there). */
  open(key: string, block: StreamContentBlock): void {
    if (this.#blocks.has(key)) return;
    this.start();
    const written: WrittenBlock = { index: this.#next++, block: { ...block } };
    if (written.block.type === "tool_call_chunk") written.block.index = written.index;
    this.#blocks.set(key, written);
    this.#pending.push({ event: "content-block-start", index: written.index, content: { ...written.block } });
  }

  /** Appends answer text to the text block under `key`, opening it first. */
  text(key: string, text: string): void {
    this.open(key, { type: "text", text: "" });
    if (text !== "") this.delta(key, { type: "text-delta", text });
  }

  /** Appends reasoning text to the reasoning block under `key`, opening it first. */
  reasoning(key: string, reasoning: string): void {
    this.open(key, { type: "reasoning", reasoning: "" });
    if (reasoning !== "") this.delta(key, { type: "reasoning-delta", reasoning });
  }

  /** Appends a slice of argument text to the open tool call under `key`. */
  toolArgs(key: string, args: string): void {
    if (args !== "") this.delta(key, { type: "tool-call-delta", args });
  }

  /** Applies a delta to the open block under `key` and reports it (ignored when none is open). */
  delta(key: string, delta: ContentBlockDelta): void {
    const written = this.#blocks.get(key);
    if (written === undefined) return;
    applyBlockDelta(written.block, delta);
    this.#pending.push({ event: "content-block-delta", index: written.index, delta });
  }

  /** Finishes the block under `key` (a tool call's arguments parsed once). */
  finish(key: string): void {
    const written = this.#blocks.get(key);
    if (written === undefined) return;
    this.#blocks.delete(key);
    this.#pending.push({
      event: "content-block-finish",
      index: written.index,
      content: finishStreamBlock(written.block),
    });
  }

  /** Finishes every open block, in message order. */
  finishAll(): void {
    for (const key of [...this.#blocks.keys()]) this.finish(key);
  }

  /** Reports a running usage snapshot (the usage of the whole response so far). */
  usage(usage: UsageMetadata): void {
    this.start();
    this.#pending.push({ event: "usage", usage });
  }

  /** Attaches the events written since the last chunk to `chunk`, and returns it. */
  attach(chunk: AIMessageChunk): AIMessageChunk {
    this.start();
    const events = this.#pending;
    this.#pending = [];
    return attachNativeStreamEvents(chunk, events);
  }
}
