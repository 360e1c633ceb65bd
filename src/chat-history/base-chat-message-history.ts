import type { BaseMessage } from "../messages/base-message.js";

/**
 * The base of every chat message history: a store of one conversation's messages that
 * `RunnableWithMessageHistory` reads before a call and appends to after it. A subclass
 * implements `getMessages`, `addMessage`, `addUserMessage`, `addAIMessage` and `clear`;
 * `addMessages` adds one message at a time unless a store overrides it to write them in one
 * round trip. Most stores extend {@link BaseListChatMessageHistory}, which needs only
 * `getMessages` and `addMessage`.
 *
 * @example
 * class ArrayHistory extends BaseChatMessageHistory {
 *   readonly saved: BaseMessage[] = [];
 *   async getMessages() { return [...this.saved]; }
 *   async addMessage(message: BaseMessage) { this.saved.push(message); }
 *   async addUserMessage(text: string) { this.saved.push(new HumanMessage(text)); }
 *   async addAIMessage(text: string) { this.saved.push(new AIMessage(text)); }
 *   async clear() { this.saved.length = 0; }
 * }
 */
export abstract class BaseChatMessageHistory {
  /** The stored messages, oldest first. */
  abstract getMessages(): Promise<BaseMessage[]>;

  /** Appends one message. */
  abstract addMessage(message: BaseMessage): Promise<void>;

  /** Appends a human message with this text. */
  abstract addUserMessage(message: string): Promise<void>;

  /** Appends an AI message with this text. */
  abstract addAIMessage(message: string): Promise<void>;

  /** Removes every message. */
  abstract clear(): Promise<void>;

  /**
   * Appends messages in order. The default calls `addMessage` once per message; a store with a
   * round trip per write should override it to write them together.
   */
  async addMessages(messages: BaseMessage[]): Promise<void> {
    for (const message of messages) await this.addMessage(message);
  }
}
