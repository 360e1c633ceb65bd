import { BaseListChatMessageHistory } from "../chat-history/base-list-chat-message-history.js";
import type { BaseMessage } from "../messages/base-message.js";

/**
 * A chat message history for tests, as `@langchain/core/utils/testing` names it: a list-based
 * history whose `messages` array is public, so a test can seed it or look at what was saved
 * without awaiting `getMessages`. Unlike `@langchain/core`'s, it also implements `clear` and
 * takes seed messages.
 *
 * @example
 * const history = new FakeListChatMessageHistory([new HumanMessage("hi")]);
 * const chat = new RunnableWithMessageHistory({ runnable: model, getMessageHistory: () => history });
 * await chat.invoke("again", { configurable: { sessionId: "test" } });
 * history.messages.length; // 3: the seed, "again" and the reply
 */
export class FakeListChatMessageHistory extends BaseListChatMessageHistory {
  /** The stored messages, oldest first; tests may read or set it. */
  messages: BaseMessage[];

  constructor(messages: BaseMessage[] = []) {
    super();
    this.messages = [...messages];
  }

  override async getMessages(): Promise<BaseMessage[]> {
    return this.messages;
  }

  override async addMessage(message: BaseMessage): Promise<void> {
    this.messages.push(message);
  }

  override async clear(): Promise<void> {
    this.messages = [];
  }
}
