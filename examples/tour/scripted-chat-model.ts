import { AIMessageChunk, BaseChatModel, type BaseMessage, type ChatModelCallOptions } from "rivulet";
import { type DelayFn, splitText } from "rivulet/testing";

/**
 * Splits text roughly the way a tokenizer does: words with their leading space, and long words
 * cut into pieces of four characters, so partial values ("Sp" before "Spain") show up.
 */
export function toTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const word of splitText(text, "word")) {
    if (word.trim().length <= 6) tokens.push(word);
    else for (let i = 0; i < word.length; i += 4) tokens.push(word.slice(i, i + 4));
  }
  return tokens;
}

/** One canned answer: used when every keyword appears in the last message. */
export interface Script {
  keywords: string[];
  answer: string;
}

/**
 * The tour's offline model: answers the seed guide's prompts with canned, seed-like text,
 * streamed word by word like a hosted model (an empty first chunk carrying token usage, an
 * empty last chunk carrying the stop reason), with a small delay so streaming is visible.
 */
export class ScriptedChatModel extends BaseChatModel {
  readonly scripts: Script[];
  readonly delayMs: number;
  readonly delay: DelayFn;

  constructor(fields: { scripts: Script[]; delayMs: number; delay: DelayFn }) {
    super({ model: "rivulet-offline-1", temperature: 0, maxTokens: 1024, name: "ScriptedChatModel" });
    this.scripts = fields.scripts;
    this.delayMs = fields.delayMs;
    this.delay = fields.delay;
  }

  _llmType(): string {
    return "rivulet-offline";
  }

  #answer(messages: BaseMessage[]): string {
    const text = (messages.at(-1)?.text ?? "").toLowerCase();
    const script = this.scripts.find((s) => s.keywords.every((k) => text.includes(k)));
    return script?.answer ?? "I am Rivulet's offline model: I only know the tour's questions.";
  }

  override async *_streamChunks(
    messages: BaseMessage[],
    options: ChatModelCallOptions,
  ): AsyncIterable<AIMessageChunk> {
    const answer = this.#answer(messages);
    const words = toTokens(answer);
    const inputTokens = messages.reduce((n, m) => n + splitText(m.text, "word").length, 0);
    yield new AIMessageChunk({
      content: "",
      usage_metadata: { input_tokens: inputTokens, output_tokens: 1, total_tokens: inputTokens + 1 },
    });
    for (const word of words) {
      if (this.delayMs > 0) await this.delay(this.delayMs, options.signal);
      yield new AIMessageChunk({ content: word });
    }
    yield new AIMessageChunk({
      content: "",
      response_metadata: { stop_reason: "end_turn" },
      usage_metadata: { input_tokens: 0, output_tokens: words.length, total_tokens: words.length },
    });
  }
}
