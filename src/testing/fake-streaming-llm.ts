import { BaseLLM } from "../models/base-llm.js";
import type { ChatModelCallOptions } from "../models/chat-model-call-options.js";
import { type FakeTimingOptions, pause } from "./fake-delay.js";
import { checkFakeFields } from "./fake-fields.js";
import { type FakeChunking, splitText } from "./fake-list-chat-model.js";

/**
 * An offline text-completion model: answers with the given responses in turn, one character per
 * chunk (or one word), with an optional delay between chunks.
 *
 * @example
 * const llm = new FakeStreamingLLM({ responses: ["I am an LLM"] });
 */
export class FakeStreamingLLM extends BaseLLM {
  readonly responses: string[];
  readonly chunking: FakeChunking;
  readonly timing: FakeTimingOptions;
  #next = 0;

  constructor(fields: FakeTimingOptions & { responses: string[]; chunking?: FakeChunking; name?: string }) {
    super();
    checkFakeFields(fields);
    this.responses = fields.responses;
    this.chunking = fields.chunking ?? "char";
    this.timing = { sleep: fields.sleep, delay: fields.delay };
    if (fields.name !== undefined) this.name = fields.name;
  }

  _llmType(): string {
    return "fake";
  }

  async *_streamText(_prompt: string, options: ChatModelCallOptions): AsyncIterable<string> {
    const response = this.responses[this.#next++ % this.responses.length] ?? "";
    for (const piece of splitText(response, this.chunking)) {
      const waiting = pause(this.timing, options.signal);
      if (waiting !== undefined) await waiting;
      yield piece;
    }
  }
}
