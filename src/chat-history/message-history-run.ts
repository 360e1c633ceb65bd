import type { RunnableConfig } from "../config/runnable-config.js";
import { invokeWithRun } from "../engine/invoke-with-run.js";
import type { InputStream, RunInput } from "../engine/run-input.js";
import type { RunScope } from "../engine/run-scope.js";
import type { RunnableShape } from "../engine/runnable-shape.js";
import { streamWithRun } from "../engine/stream-with-run.js";
import { EmptyOutputError } from "../errors/empty-output-error.js";
import { InvalidInputError } from "../errors/input-errors.js";
import { isPlainObject } from "../internal/is-plain-object.js";
import type { BaseMessage } from "../messages/base-message.js";
import { describeWrongValue } from "../messages/describe-wrong-value.js";
import { Runnable } from "../runnables/runnable.js";
import { RunnableLambda } from "../runnables/runnable-lambda.js";
import { RunnablePassthrough } from "../runnables/runnable-passthrough.js";
import type { Aggregator } from "../streams/aggregator.js";
import type { BaseChatMessageHistory } from "./base-chat-message-history.js";
import { inputMessagesOf, outputMessagesOf, sessionIdOf, storedMessagesOf } from "./history-messages.js";

/** What `RunnableWithMessageHistory` calls to get the history of a session (sync or async). */
export type GetMessageHistory = (
  sessionId: string,
) => BaseChatMessageHistory | Promise<BaseChatMessageHistory>;

/** The fields the history run works from (see `RunnableWithMessageHistoryInput`). */
export interface MessageHistoryRunFields<O, C> {
  /** Any input: the run passes it what step 1 made of the caller's input. */
  runnable: Runnable<never, O, C>;
  getMessageHistory: GetMessageHistory;
  inputMessagesKey?: string | undefined;
  outputMessagesKey?: string | undefined;
  historyMessagesKey?: string | undefined;
}

/** One call's history, and the config its two steps run with (the history under `configurable.messageHistory`). */
interface Session {
  history: BaseChatMessageHistory;
  stepConfig(step: 1 | 2): RunnableConfig;
}

const RUN_NAME = "RunnableWithMessageHistory";

/** The history a call's steps find in their config, put there by the run (as `@langchain/core` does). */
function historyIn(config: RunnableConfig): BaseChatMessageHistory {
  return checkHistory(config.configurable?.messageHistory, "configurable.messageHistory");
}

/** A history is anything with `getMessages` and `addMessages` (a store from another package too). */
function checkHistory(value: unknown, where: string): BaseChatMessageHistory {
  const candidate = value as Partial<BaseChatMessageHistory> | null | undefined;
  if (typeof candidate?.getMessages === "function" && typeof candidate.addMessages === "function") {
    return candidate as BaseChatMessageHistory;
  }
  throw new InvalidInputError(
    `RunnableWithMessageHistory needs a chat message history from ${where}, got ${describeWrongValue(value)}. ` +
      "Return one, such as new InMemoryChatMessageHistory(), from getMessageHistory.",
  );
}

/** Step 1, whichever runnable it is: invoked, or streamed with the fold of its chunks. */
interface LoadStep {
  invoke(input: unknown, config: RunnableConfig): Promise<unknown>;
  stream(input: unknown, config: RunnableConfig): InputStream<unknown>;
}

function loadStepOf<I, O, C>(runnable: Runnable<I, O, C>, checkInput: (input: unknown) => I): LoadStep {
  return {
    invoke: (input, config) => invokeWithRun(runnable, checkInput(input), config),
    stream: (input, config) => ({
      stream: streamWithRun(runnable, { value: checkInput(input) }, config),
      aggregator: () => runnable.createAggregator(),
    }),
  };
}

/** With a key to put the history under, the input must be an object of variables. */
function objectInput(key: string): (input: unknown) => Record<string, unknown> {
  return (input) => {
    if (isPlainObject(input)) return input;
    throw new InvalidInputError(
      `RunnableWithMessageHistory puts the history under "${key}" of the input, so the input must be an object ` +
        `of variables, got ${describeWrongValue(input)}. Pass { ${key}: ... } style input, or leave the keys unset.`,
    );
  };
}

/**
 * The run behind `RunnableWithMessageHistory` (named after it): step 1 loads the session's
 * history into the input (`insertHistory`, or `loadHistory` when the runnable takes messages),
 * step 2 is the wrapped runnable; once step 2 has finished, the call's input messages and its
 * output messages are added to the history in one `addMessages`. A call that fails, or a
 * stream that is stopped or fails before its end, adds nothing.
 */
export class MessageHistoryRun<I, O, C> extends Runnable<I, O, C> {
  override readonly shape: RunnableShape = { input: "whole", output: "chunks" };
  readonly #fields: MessageHistoryRunFields<O, C>;
  readonly #loadStep: LoadStep;

  constructor(fields: MessageHistoryRunFields<O, C>) {
    super();
    this.name = RUN_NAME;
    this.#fields = fields;
    this.#loadStep = this.#buildLoadStep();
  }

  /** `loadHistory` gives the history (plus the new messages, when no key names where it goes); `insertHistory` assigns it to a key. */
  #buildLoadStep(): LoadStep {
    const { historyMessagesKey, inputMessagesKey } = this.#fields;
    const loadHistory = RunnableLambda.from(
      async (input: unknown, config: RunnableConfig): Promise<BaseMessage[]> => {
        const messages = storedMessagesOf(await historyIn(config).getMessages());
        if (historyMessagesKey !== undefined) return messages;
        return [...messages, ...inputMessagesOf(input, inputMessagesKey)];
      },
      { name: "loadHistory" },
    );
    const key = historyMessagesKey ?? inputMessagesKey;
    if (key === undefined) return loadStepOf(loadHistory, (input) => input);
    const insertHistory = RunnablePassthrough.assign({ [key]: loadHistory }).withConfig({
      runName: "insertHistory",
    });
    return loadStepOf(insertHistory, objectInput(key));
  }

  override createAggregator(): Aggregator<C, O> {
    return this.#fields.runnable.createAggregator();
  }

  async #open(scope: RunScope): Promise<Session> {
    const sessionId = sessionIdOf(scope.config, this.#fields.inputMessagesKey);
    const history = checkHistory(await this.#fields.getMessageHistory(sessionId), "getMessageHistory");
    const configurable = { ...scope.config.configurable, messageHistory: history };
    return { history, stepConfig: (step) => scope.childConfig(`seq:step:${step}`, { configurable }) };
  }

  #save(session: Session, added: BaseMessage[], output: unknown): Promise<void> {
    const replies = outputMessagesOf(output, this.#fields.outputMessagesKey);
    return session.history.addMessages([...added, ...replies]);
  }

  override async _invoke(input: I, scope: RunScope): Promise<O> {
    // Read first, so an input without messages fails before the runnable is called.
    const added = inputMessagesOf(input, this.#fields.inputMessagesKey);
    const session = await this.#open(scope);
    const prepared = await this.#loadStep.invoke(input, session.stepConfig(1));
    // The runnable takes what step 1 made (typed `never`: any runnable fits the field).
    const output = await invokeWithRun(this.#fields.runnable, prepared as never, session.stepConfig(2));
    await this.#save(session, added, output);
    return output;
  }

  override async *_stream(input: I, scope: RunScope): AsyncIterable<C> {
    const added = inputMessagesOf(input, this.#fields.inputMessagesKey);
    const session = await this.#open(scope);
    // Pipelined like a two-step sequence: the runnable reads step 1's output stream (typed
    // `never` for the same reason as in _invoke).
    const prepared = this.#loadStep.stream(input, session.stepConfig(1)) as RunInput<never>;
    const aggregator = this.#fields.runnable.createAggregator();
    let chunks = 0;
    for await (const chunk of streamWithRun(this.#fields.runnable, prepared, session.stepConfig(2))) {
      aggregator.add(chunk);
      chunks++;
      yield chunk;
    }
    if (chunks === 0) throw new EmptyOutputError(this.#fields.runnable.getName());
    await this.#save(session, added, aggregator.result());
  }
}
