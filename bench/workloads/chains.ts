// The chain of W1-W3 and W6 for both libraries: prompt | model | string parser, where the model
// is the same minimal fake on each side: a subclass of the library's own BaseChatModel that
// yields one freshly built AIMessageChunk per prebuilt token, with no delay. Both libraries'
// shipped fakes do extra work per chunk (Rivulet's merges a copy, LangChain's copies tool calls
// and kwargs), so neither is used here.

import type { CallbackManagerForLLMRun } from "@langchain/core/callbacks/manager";
import { BaseChatModel as LcBaseChatModel } from "@langchain/core/language_models/chat_models";
import { AIMessage as LcAIMessage, AIMessageChunk as LcAIMessageChunk } from "@langchain/core/messages";
import { StringOutputParser as LcStringOutputParser } from "@langchain/core/output_parsers";
import { ChatGenerationChunk, type ChatResult } from "@langchain/core/outputs";
import { ChatPromptTemplate as LcChatPromptTemplate } from "@langchain/core/prompts";
import { AIMessageChunk, BaseChatModel, ChatPromptTemplate, StringOutputParser } from "rivulet";

/** `count` tokens whose concatenation is the expected text of a stream. */
export function makeTokens(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `tok${i} `);
}

/** Rivulet side: yields a new chunk per token. */
export class RivuletTokenModel extends BaseChatModel {
  readonly tokens: readonly string[];

  constructor(tokens: readonly string[]) {
    super({ name: "TokenModel" });
    this.tokens = tokens;
  }

  _llmType(): string {
    return "bench";
  }

  async *_streamChunks(): AsyncIterable<AIMessageChunk> {
    for (const token of this.tokens) yield new AIMessageChunk({ content: token });
  }
}

/**
 * LangChain side: yields a new chunk per token and reports it with `handleLLMNewToken`, as
 * LangChain's providers (and its own fake) do; `streamEvents` relies on that call.
 */
export class LangChainTokenModel extends LcBaseChatModel {
  readonly tokens: readonly string[];

  constructor(tokens: readonly string[]) {
    super({});
    this.tokens = tokens;
  }

  override _llmType(): string {
    return "bench";
  }

  override async _generate(): Promise<ChatResult> {
    const text = this.tokens.join("");
    return { generations: [{ text, message: new LcAIMessage({ content: text }) }] };
  }

  override async *_streamResponseChunks(
    _messages: unknown,
    _options: unknown,
    runManager?: CallbackManagerForLLMRun,
  ): AsyncGenerator<ChatGenerationChunk> {
    for (const token of this.tokens) {
      const chunk = new ChatGenerationChunk({
        message: new LcAIMessageChunk({ content: token }),
        text: token,
      });
      yield chunk;
      await runManager?.handleLLMNewToken(token, undefined, undefined, undefined, undefined, { chunk });
    }
  }
}

export const TEMPLATE = "tell me a joke about {topic}";
export const INPUT = { topic: "bears" };

/** The input-to-text chain both libraries expose the same way: `stream`, `streamEvents`, `streamLog`. */
export interface JokeChains {
  rivulet: ReturnType<typeof rivuletChain>;
  langchain: ReturnType<typeof langchainChain>;
}

/** `ChatPromptTemplate.fromTemplate(TEMPLATE) | model | StringOutputParser` in Rivulet. */
export function rivuletChain(tokens: readonly string[]) {
  return ChatPromptTemplate.fromTemplate(TEMPLATE)
    .pipe(new RivuletTokenModel(tokens))
    .pipe(new StringOutputParser());
}

/** The same chain in @langchain/core. */
export function langchainChain(tokens: readonly string[]) {
  return LcChatPromptTemplate.fromTemplate(TEMPLATE)
    .pipe(new LangChainTokenModel(tokens))
    .pipe(new LcStringOutputParser());
}

/** Both chains over the same tokens. */
export function jokeChains(tokens: readonly string[]): JokeChains {
  return { rivulet: rivuletChain(tokens), langchain: langchainChain(tokens) };
}

/** Reads a stream of strings and joins it (the consumer's work, part of the timed run). */
export async function joinStream(stream: AsyncIterable<string>): Promise<{ text: string; count: number }> {
  let text = "";
  let count = 0;
  for await (const piece of stream) {
    text += piece;
    count += 1;
  }
  return { text, count };
}
