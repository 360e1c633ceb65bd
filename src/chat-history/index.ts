// Chat message histories and RunnableWithMessageHistory, under @langchain/core's names.
export { BaseChatMessageHistory } from "./base-chat-message-history.js";
export { BaseListChatMessageHistory } from "./base-list-chat-message-history.js";
export { InMemoryChatMessageHistory } from "./in-memory-chat-message-history.js";
export type { GetMessageHistory } from "./message-history-run.js";
export {
  type MessageHistoryInput,
  RunnableWithMessageHistory,
  type RunnableWithMessageHistoryInput,
} from "./runnable-with-message-history.js";
