import { InvalidConfigError } from "../errors/input-errors.js";
import { checkNumberOption } from "../internal/check-number-option.js";
import type { Runnable } from "../runnables/runnable.js";
import { RunnableLambda } from "../runnables/runnable-lambda.js";
import type { BaseMessage } from "./base-message.js";
import type { MessageContent } from "./content-block.js";
import type { MessageTypeOrClass } from "./message-type-match.js";
import { checkMessageList, isReadonlyArray, messageTypeNames } from "./message-type-match.js";
import type { BudgetPass, ListTokenCounter, TextSplitFunction } from "./trim-to-budget.js";
import { keepFirstWithinBudget } from "./trim-to-budget.js";

/** A model that counts tokens (`getNumTokens`), usable as {@link TrimMessagesFields.tokenCounter}. */
export interface TokenCountingModel {
  getNumTokens(content: MessageContent): number | Promise<number>;
}

/** Something with `splitText` (a text splitter), usable as {@link TrimMessagesFields.textSplitter}. */
export interface TextSplitterLike {
  splitText(text: string): string[] | Promise<string[]>;
}

/** The options of {@link trimMessages} (`@langchain/core`'s `TrimMessagesFields`). */
export interface TrimMessagesFields {
  /** The budget: the kept messages count at most this many tokens (by `tokenCounter`). */
  maxTokens: number;
  /**
   * Counts a list of messages: a function (sync or async), or a model, whose `getNumTokens` is
   * summed over the messages' contents. `(messages) => messages.length` makes the budget a message count.
   */
  tokenCounter: ((messages: BaseMessage[]) => number | Promise<number>) | TokenCountingModel;
  /** Keep the first messages or the last ones (the default). */
  strategy?: "first" | "last" | undefined;
  /** Keep part of the message at the edge of the budget (its first blocks or text pieces for "first", its last for "last"). */
  allowPartial?: boolean | undefined;
  /** The kept list must end on one of these kinds: later messages are dropped. */
  endOn?: MessageTypeOrClass | readonly MessageTypeOrClass[] | undefined;
  /** With "last": the kept list must start on one of these kinds (a kept system message aside). */
  startOn?: MessageTypeOrClass | readonly MessageTypeOrClass[] | undefined;
  /** With "last": always keep a system message that comes first. */
  includeSystem?: boolean | undefined;
  /** How a text is cut for `allowPartial` (pieces must join back to the text); by default after each newline. */
  textSplitter?: ((text: string) => string[] | Promise<string[]>) | TextSplitterLike | undefined;
}

/**
 * Cuts a text after each newline, keeping the newlines, so the pieces join back to the text
 * (`trimMessages`' default splitter, as in `@langchain/core`).
 *
 * @example
 * await defaultTextSplitter("a\nb"); // ["a\n", "b"]
 */
export async function defaultTextSplitter(text: string): Promise<string[]> {
  const lines = text.split("\n");
  return lines.map((line, position) => (position < lines.length - 1 ? `${line}\n` : line));
}

function listCounter(counter: TrimMessagesFields["tokenCounter"]): ListTokenCounter {
  if (typeof counter === "function") return async (messages) => counter(messages);
  if (typeof counter === "object" && counter !== null && typeof counter.getNumTokens === "function") {
    return async (messages) => {
      const counts = await Promise.all(messages.map((message) => counter.getNumTokens(message.content)));
      return counts.reduce((sum, count) => sum + count, 0);
    };
  }
  throw new InvalidConfigError(
    "trimMessages needs `tokenCounter`: a function (messages) => number, or a model with getNumTokens.",
  );
}

function splitter(textSplitter: TrimMessagesFields["textSplitter"]): TextSplitFunction {
  if (textSplitter === undefined) return defaultTextSplitter;
  if (typeof textSplitter === "function") return async (text) => textSplitter(text);
  if (
    typeof textSplitter === "object" &&
    textSplitter !== null &&
    typeof textSplitter.splitText === "function"
  ) {
    return async (text) => textSplitter.splitText(text);
  }
  throw new InvalidConfigError(
    "trimMessages' `textSplitter` must be a function or an object with splitText.",
  );
}

/** The options checked once, at the call, into a plan for the passes. */
interface TrimPlan {
  pass: Omit<BudgetPass, "partial" | "endOn" | "protectedHead">;
  strategy: "first" | "last";
  allowPartial: boolean;
  endOn: ReadonlySet<string> | undefined;
  startOn: ReadonlySet<string> | undefined;
  includeSystem: boolean;
}

function planTrim(options: TrimMessagesFields): TrimPlan {
  if (typeof options !== "object" || options === null) {
    throw new InvalidConfigError("trimMessages needs its options: { maxTokens, tokenCounter, ... }.");
  }
  const strategy = options.strategy ?? "last";
  if (strategy !== "first" && strategy !== "last") {
    throw new InvalidConfigError(
      `trimMessages' strategy must be "first" or "last"; got ${JSON.stringify(strategy)}.`,
    );
  }
  if (strategy === "first" && options.startOn !== undefined) {
    throw new InvalidConfigError('trimMessages\' `startOn` applies only to strategy "last".');
  }
  if (strategy === "first" && options.includeSystem === true) {
    throw new InvalidConfigError('trimMessages\' `includeSystem` applies only to strategy "last".');
  }
  const maxTokens = checkNumberOption("maxTokens", options.maxTokens, "non-negative-number");
  if (maxTokens === undefined)
    throw new InvalidConfigError("trimMessages needs `maxTokens`, the token budget.");
  return {
    pass: {
      maxTokens,
      countTokens: listCounter(options.tokenCounter),
      splitText: splitter(options.textSplitter),
    },
    strategy,
    allowPartial: options.allowPartial === true,
    endOn: options.endOn === undefined ? undefined : messageTypeNames(options.endOn, "endOn"),
    startOn: options.startOn === undefined ? undefined : messageTypeNames(options.startOn, "startOn"),
    includeSystem: options.includeSystem === true,
  };
}

/** "last" is "first" over the reversed list (a kept system message staying in front), reversed back. */
async function keepLast(messages: readonly BaseMessage[], plan: TrimPlan): Promise<BaseMessage[]> {
  let end = messages.length;
  if (plan.endOn !== undefined) {
    while (end > 0 && !plan.endOn.has(messages[end - 1]!.getType())) end -= 1;
  }
  const list = messages.slice(0, end);
  const system = plan.includeSystem && list[0]?.getType() === "system" ? list[0] : undefined;
  const newestFirst = system === undefined ? list.reverse() : [system, ...list.slice(1).reverse()];
  const kept = await keepFirstWithinBudget(newestFirst, {
    ...plan.pass,
    partial: plan.allowPartial ? "last" : undefined,
    endOn: plan.startOn,
    protectedHead: system === undefined ? 0 : 1,
  });
  if (system === undefined || kept.length === 0) return kept.reverse();
  return [system, ...kept.slice(1).reverse()];
}

async function trim(messages: readonly BaseMessage[], plan: TrimPlan): Promise<BaseMessage[]> {
  const checked = checkMessageList(messages, "trimMessages");
  if (plan.strategy === "last") return keepLast(checked, plan);
  const partial = plan.allowPartial ? "first" : undefined;
  return keepFirstWithinBudget([...checked], { ...plan.pass, partial, endOn: plan.endOn, protectedHead: 0 });
}

/** The direct form: async, so bad options reject the promise as the rest of the call's errors do. */
async function trimNow(
  messages: readonly BaseMessage[],
  options: TrimMessagesFields | undefined,
): Promise<BaseMessage[]> {
  if (options === undefined) {
    throw new InvalidConfigError(
      "trimMessages(messages, options) needs its options: { maxTokens, tokenCounter }.",
    );
  }
  return trim(messages, planTrim(options));
}

/**
 * Trims a conversation to a token budget, as `@langchain/core`'s `trimMessages` does: keeps the
 * last messages (or the first, `strategy: "first"`) whose count by `tokenCounter` is at most
 * `maxTokens`. `allowPartial` keeps part of the message at the edge (whole blocks, else pieces of
 * its text cut by `textSplitter`); `endOn` / `startOn` make the kept list end / start on given
 * kinds; `includeSystem` keeps a leading system message. A counter of `messages.length` gives a
 * message-count budget. Input messages are never changed. Called with only the options, it
 * returns a Runnable (run name `trim_messages`) that trims its input list, for chains. Bad
 * options are an `InvalidConfigError` at the call.
 *
 * @example
 * await trimMessages(history, { maxTokens: 4, tokenCounter: (m) => m.length, includeSystem: true, startOn: "human" });
 * const trimmer = trimMessages({ maxTokens: 1000, tokenCounter: model });
 * const chain = trimmer.pipe(model);
 */
export function trimMessages(options: TrimMessagesFields): Runnable<BaseMessage[], BaseMessage[]>;
export function trimMessages(
  messages: readonly BaseMessage[],
  options: TrimMessagesFields,
): Promise<BaseMessage[]>;
export function trimMessages(
  messagesOrOptions: readonly BaseMessage[] | TrimMessagesFields,
  options?: TrimMessagesFields,
): Promise<BaseMessage[]> | Runnable<BaseMessage[], BaseMessage[]> {
  if (isReadonlyArray(messagesOrOptions)) {
    return trimNow(messagesOrOptions, options);
  }
  const plan = planTrim(messagesOrOptions);
  return RunnableLambda.from((input: BaseMessage[]) => trim(input, plan)).withConfig({
    runName: "trim_messages",
  });
}
