import { RivuletError } from "../errors/rivulet-error.js";
import { AIMessage } from "../messages/ai-message.js";
import { HumanMessage } from "../messages/human-message.js";
import { BaseChatMessageHistory } from "./base-chat-message-history.js";

/**
 * The base of list-like chat message histories: a subclass implements only `getMessages` and
 * `addMessage`; `addUserMessage` and `addAIMessage` wrap their text in a `HumanMessage` or an
 * `AIMessage`, and `addMessages` appends one at a time. `clear` throws a `RivuletError` with
 * code `"not_implemented"` until a subclass overrides it (as in `@langchain/core`, where it
 * throws too). Unlike `@langchain/core`, it extends {@link BaseChatMessageHistory}, so one type
 * covers every history.
 *
 * @example
 * class ArrayHistory extends BaseListChatMessageHistory {
 *   readonly saved: BaseMessage[] = [];
 *   async getMessages() { return [...this.saved]; }
 *   async addMessage(message: BaseMessage) { this.saved.push(message); }
 * }
 */
export abstract class BaseListChatMessageHistory extends BaseChatMessageHistory {
  /** Appends `new HumanMessage(message)`. */
  override addUserMessage(message: string): Promise<void> {
    return this.addMessage(new HumanMessage(message));
  }

  /** Appends `new AIMessage(message)`. */
  override addAIMessage(message: string): Promise<void> {
    return this.addMessage(new AIMessage(message));
  }

  /** Removes every message; a subclass that can clear its store overrides this. */
  override clear(): Promise<void> {
    return Promise.reject(
      new RivuletError(
        "not_implemented",
        `${this.constructor.name} cannot clear its messages: override clear() in the subclass.`,
      ),
    );
  }
}
