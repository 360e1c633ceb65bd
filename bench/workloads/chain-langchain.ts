// @langchain/core's side of the W1-W3 and W6 chain: the same prompt | model | parser, with the
// same minimal fake model (LangChain's shipped fake copies tool calls and kwargs per chunk).

import type { CallbackManagerForLLMRun } from "@langchain/core/callbacks/manager";
import { BaseChatModel as LcBaseChatModel } from "@langchain/core/language_models/chat_models";
import { AIMessage as LcAIMessage, AIMessageChunk as LcAIMessageChunk } from "@langchain/core/messages";
import { StringOutputParser as LcStringOutputParser } from "@langchain/core/output_parsers";
import { ChatGenerationChunk, type ChatResult } from "@langchain/core/outputs";
import { ChatPromptTemplate as LcChatPromptTemplate } from "@langchain/core/prompts";
import { TEMPLATE } from "./chain-common.js";

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

/** The same chain in @langchain/core. */
export function langchainChain(tokens: readonly string[]) {
  return LcChatPromptTemplate.fromTemplate(TEMPLATE)
    .pipe(new LangChainTokenModel(tokens))
    .pipe(new LcStringOutputParser());
}
