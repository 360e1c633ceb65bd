import type { RunnableConfig } from "../config/runnable-config.js";
import type { RunnableCore } from "../engine/runnable-core.js";
import type { BaseMessageLike } from "../messages/coerce-message-like.js";
import type { Runnable } from "../runnables/runnable.js";
import { RunnableBinding } from "../runnables/runnable-binding.js";
import { sessionIdOf } from "./history-messages.js";
import { type GetMessageHistory, MessageHistoryRun } from "./message-history-run.js";

/**
 * What a {@link RunnableWithMessageHistory} accepts by default: the new message(s) as a string,
 * a message-like or a list of them, or an object of variables holding them.
 */
export type MessageHistoryInput =
  | string
  | BaseMessageLike
  | readonly BaseMessageLike[]
  | Record<string, unknown>;

/** Fields of a {@link RunnableWithMessageHistory}, as `@langchain/core` names them. */
export interface RunnableWithMessageHistoryInput<O, C = O> {
  /**
   * The runnable to call with the history (a chain ending in a chat model, a chat model, ...).
   * It receives the caller's input with the history added, or the list of messages when no key
   * is set, so its input type is not checked against the wrapper's.
   */
  runnable: Runnable<never, O, C>;
  /** The history of a session, from the call's `configurable.sessionId`; may be async. */
  getMessageHistory: GetMessageHistory;
  /** The input key holding the new message(s); default: the input's only key, else `"input"`. */
  inputMessagesKey?: string | undefined;
  /** The output key holding the reply; default: the output's only key, else `"output"`. */
  outputMessagesKey?: string | undefined;
  /**
   * The input key the history is put under (for a prompt's `MessagesPlaceholder`). Without
   * it, the history and the new messages go together under `inputMessagesKey`, or, without
   * that either, the runnable receives the list of messages itself.
   */
  historyMessagesKey?: string | undefined;
  /** Config bound to every call (merged under the call's). */
  config?: RunnableConfig | undefined;
}

/**
 * Gives a runnable a memory: each call loads the history of the session named by
 * `config.configurable.sessionId` (from `getMessageHistory`), passes it in (under
 * `historyMessagesKey`, or before the new messages), and once the runnable has finished adds
 * the call's input messages and its reply to the history. Streaming streams the runnable's
 * chunks and its events; the messages are saved when the stream has ended, from its folded
 * output (a chunk is saved as its message, an `AIMessageChunk` as an `AIMessage`). A call that
 * fails, or a stream stopped or failing before its end, saves nothing: no partial reply is
 * stored, and the history is as it was (`@langchain/core` saves from the run's end too).
 * A call without a session id is an `InvalidConfigError` naming the config to pass, thrown
 * before any run starts.
 *
 * @example
 * const histories = new Map<string, InMemoryChatMessageHistory>();
 * const chat = new RunnableWithMessageHistory({
 *   runnable: ChatPromptTemplate.fromMessages([new MessagesPlaceholder("history"), ["human", "{question}"]]).pipe(model),
 *   getMessageHistory: (id) => histories.get(id) ?? histories.set(id, new InMemoryChatMessageHistory()).get(id)!,
 *   inputMessagesKey: "question",
 *   historyMessagesKey: "history",
 * });
 * await chat.invoke({ question: "My name is Ada." }, { configurable: { sessionId: "s1" } });
 * await chat.invoke({ question: "What is my name?" }, { configurable: { sessionId: "s1" } });
 */
export class RunnableWithMessageHistory<I = MessageHistoryInput, O = unknown, C = O> extends RunnableBinding<
  I,
  O,
  C
> {
  readonly runnable: Runnable<never, O, C>;
  readonly getMessageHistory: GetMessageHistory;
  readonly inputMessagesKey: string | undefined;
  readonly outputMessagesKey: string | undefined;
  readonly historyMessagesKey: string | undefined;

  constructor(fields: RunnableWithMessageHistoryInput<O, C>) {
    super({ bound: new MessageHistoryRun<I, O, C>(fields), config: fields.config ?? {} });
    this.runnable = fields.runnable;
    this.getMessageHistory = fields.getMessageHistory;
    this.inputMessagesKey = fields.inputMessagesKey;
    this.outputMessagesKey = fields.outputMessagesKey;
    this.historyMessagesKey = fields.historyMessagesKey;
  }

  /** @internal Checks the session id while the call's config is merged, before any run opens. */
  override resolveBinding(config: RunnableConfig): [RunnableCore<I, O, C>, RunnableConfig] {
    const resolved = super.resolveBinding(config);
    sessionIdOf(resolved[1], this.inputMessagesKey);
    return resolved;
  }
}
