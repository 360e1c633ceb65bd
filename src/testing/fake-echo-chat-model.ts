import { AIMessageChunk } from "../messages/ai-message-chunk.js";
import type { BaseMessage } from "../messages/base-message.js";
import { BaseChatModel } from "../models/base-chat-model.js";
import type { ChatModelCallOptions } from "../models/chat-model-call-options.js";
import { type FakeTimingOptions, pause } from "./fake-delay.js";
import { checkFakeFields } from "./fake-fields.js";
import { type FakeChunking, splitText } from "./fake-list-chat-model.js";

/**
 * An offline chat model that answers with the text of the last message it was given, streamed
 * word by word (or character by character). Handy to see what a prompt produced.
 *
 * @example
 * await new FakeEchoChatModel().invoke("hello there"); // AIMessageChunk(content='hello there')
 */
export class FakeEchoChatModel extends BaseChatModel {
  readonly chunking: FakeChunking;
  readonly timing: FakeTimingOptions;

  constructor(fields: FakeTimingOptions & { chunking?: FakeChunking; name?: string } = {}) {
    super({ name: fields.name });
    checkFakeFields(fields);
    this.chunking = fields.chunking ?? "word";
    this.timing = { sleep: fields.sleep, delay: fields.delay };
  }

  _llmType(): string {
    return "fake";
  }

  override async *_streamChunks(
    messages: BaseMessage[],
    options: ChatModelCallOptions,
  ): AsyncIterable<AIMessageChunk> {
    const text = messages.at(-1)?.text ?? "";
    for (const piece of splitText(text, this.chunking)) {
      const waiting = pause(this.timing, options.signal);
      if (waiting !== undefined) await waiting;
      yield new AIMessageChunk({ content: piece });
    }
  }
}
