import { AIMessageChunk } from "../messages/ai-message-chunk.js";
import type { BaseMessage } from "../messages/base-message.js";
import { BaseChatModel } from "../models/base-chat-model.js";
import type { ChatModelCallOptions } from "../models/chat-model-call-options.js";
import { type FakeTimingOptions, pause } from "./fake-delay.js";
import { checkFakeFields } from "./fake-fields.js";

/** How a fake splits a response into chunks: one character each, or words with their leading space. */
export type FakeChunking = "char" | "word";

/** Options of `FakeListChatModel`. */
export interface FakeListChatModelFields extends FakeTimingOptions {
  /** Responses given in turn, cycling back to the first after the last. */
  responses: string[];
  /** "char" (default, as @langchain/core's) or "word" (closer to a real model's tokens). */
  chunking?: FakeChunking | undefined;
  /** Reported as `ls_model_name`. */
  model?: string | undefined;
  name?: string | undefined;
}

/** Splits text into chunks: characters, or words with the spaces that lead them. */
export function splitText(text: string, chunking: FakeChunking): string[] {
  if (chunking === "char") return [...text];
  return text.match(/\s*\S+|\s+$/g) ?? [text];
}

/**
 * An offline chat model that answers with the given responses in turn, streaming one character
 * per chunk (or one word with `chunking: "word"`), with an optional delay between chunks.
 * Deterministic: for tests, examples and the tour.
 *
 * @example
 * const model = new FakeListChatModel({ responses: ["Hello!"], sleep: 10 });
 * for await (const c of await model.stream("hi")) process.stdout.write(c.text + "|"); // H|e|l|l|o|!|
 */
export class FakeListChatModel extends BaseChatModel {
  readonly responses: string[];
  readonly chunking: FakeChunking;
  readonly timing: FakeTimingOptions;
  #next = 0;

  constructor(fields: FakeListChatModelFields) {
    super({ model: fields.model, name: fields.name });
    checkFakeFields(fields);
    this.responses = fields.responses;
    this.chunking = fields.chunking ?? "char";
    this.timing = { sleep: fields.sleep, delay: fields.delay };
  }

  _llmType(): string {
    return "fake";
  }

  /** The response the next call will give (and advance the cycle). */
  protected nextResponse(): string {
    const response = this.responses[this.#next % this.responses.length] ?? "";
    this.#next++;
    return response;
  }

  override async *_streamChunks(
    _messages: BaseMessage[],
    options: ChatModelCallOptions,
  ): AsyncIterable<AIMessageChunk> {
    for (const piece of splitText(this.nextResponse(), this.chunking)) {
      const waiting = pause(this.timing, options.signal);
      if (waiting !== undefined) await waiting;
      yield new AIMessageChunk({ content: piece });
    }
  }
}
