// Rivulet's side of the W1-W3 and W6 chain: prompt | model | string parser, where the model is a
// minimal subclass of BaseChatModel that yields one freshly built AIMessageChunk per prebuilt
// token, with no delay (the shipped fake merges a copy of each chunk, so it is not used here).

import { AIMessageChunk, BaseChatModel, ChatPromptTemplate, StringOutputParser } from "rivulet";
import { TEMPLATE } from "./chain-common.js";

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

  override async *_streamChunks(): AsyncIterable<AIMessageChunk> {
    for (const token of this.tokens) yield new AIMessageChunk({ content: token });
  }
}

/** `ChatPromptTemplate.fromTemplate(TEMPLATE) | model | StringOutputParser` in Rivulet. */
export function rivuletChain(tokens: readonly string[]) {
  return ChatPromptTemplate.fromTemplate(TEMPLATE)
    .pipe(new RivuletTokenModel(tokens))
    .pipe(new StringOutputParser());
}
