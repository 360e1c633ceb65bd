/**
 * What a language model accepts: a string, message-likes, or a prompt value (LangChain's
 * name). A chat model turns it into messages with `toChatMessages`; an LLM into one prompt.
 * It lives with the messages so that the events layer can name it: a chat model's root events
 * show the input as given.
 */
export type BaseLanguageModelInput =
  | string
  | ReadonlyArray<unknown>
  | { toChatMessages(): unknown[] }
  | { toString(): string };
