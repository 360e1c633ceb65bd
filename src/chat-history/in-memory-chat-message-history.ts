import { InvalidInputError } from "../errors/input-errors.js";
import { type BaseMessage, isBaseMessage } from "../messages/base-message.js";
import { describeWrongValue } from "../messages/describe-wrong-value.js";
import { BaseListChatMessageHistory } from "./base-list-chat-message-history.js";

/**
 * A chat message history kept in memory, for tests, demos and single-process apps: the
 * messages live in an array and are lost with the object. `getMessages` returns a copy, so a
 * caller that changes the list it got does not change the history. Adding something that is
 * not a message is an `InvalidInputError`.
 *
 * @example
 * const history = new InMemoryChatMessageHistory();
 * await history.addUserMessage("hi");
 * await history.addAIMessage("hello!");
 * (await history.getMessages()).map((m) => m.text); // ["hi", "hello!"]
 */
export class InMemoryChatMessageHistory extends BaseListChatMessageHistory {
  #messages: BaseMessage[];

  /** Starts with a copy of `messages` (none by default). */
  constructor(messages: BaseMessage[] = []) {
    super();
    messages.forEach((message, index) => {
      checkMessage(message, `messages[${index}]`);
    });
    this.#messages = [...messages];
  }

  override async getMessages(): Promise<BaseMessage[]> {
    return [...this.#messages];
  }

  override async addMessage(message: BaseMessage): Promise<void> {
    checkMessage(message, "addMessage's argument");
    this.#messages.push(message);
  }

  /** Appends the messages together: none is added when one of them is not a message. */
  override async addMessages(messages: BaseMessage[]): Promise<void> {
    messages.forEach((message, index) => {
      checkMessage(message, `addMessages' item ${index}`);
    });
    this.#messages.push(...messages);
  }

  override async clear(): Promise<void> {
    this.#messages = [];
  }
}

function checkMessage(value: unknown, where: string): void {
  if (isBaseMessage(value)) return;
  throw new InvalidInputError(
    `A chat message history stores messages; ${where} is ${describeWrongValue(value)}. ` +
      'Pass a message such as new HumanMessage("...") (or use addUserMessage / addAIMessage for text).',
  );
}
