// The chain of W1-W3 and W6 for both libraries: prompt | model | string parser, where the model
// is the same minimal fake on each side: a subclass of the library's own BaseChatModel that
// yields one freshly built AIMessageChunk per prebuilt token, with no delay. Both libraries'
// shipped fakes do extra work per chunk (Rivulet's merges a copy, LangChain's copies tool calls
// and kwargs), so neither is used here.

import { langchainChain } from "./chain-langchain.js";
import { rivuletChain } from "./chain-rivulet.js";

export { INPUT, joinStream, makeTokens, TEMPLATE } from "./chain-common.js";
export { LangChainTokenModel, langchainChain } from "./chain-langchain.js";
export { RivuletTokenModel, rivuletChain } from "./chain-rivulet.js";

/** The input-to-text chain both libraries expose the same way: `stream`, `streamEvents`, `streamLog`. */
export interface JokeChains {
  rivulet: ReturnType<typeof rivuletChain>;
  langchain: ReturnType<typeof langchainChain>;
}

/** Both chains over the same tokens. */
export function jokeChains(tokens: readonly string[]): JokeChains {
  return { rivulet: rivuletChain(tokens), langchain: langchainChain(tokens) };
}
