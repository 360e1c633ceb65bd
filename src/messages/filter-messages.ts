import type { Runnable } from "../runnables/runnable.js";
import { RunnableLambda } from "../runnables/runnable-lambda.js";
import type { BaseMessage } from "./base-message.js";
import type { MessageTypeOrClass } from "./message-type-match.js";
import { checkMessageList, isReadonlyArray, messageTypeNames } from "./message-type-match.js";

/** What {@link filterMessages} keeps and drops (`@langchain/core`'s `FilterMessagesFields`). */
export interface FilterMessagesFields {
  /** Keep messages with one of these names. */
  includeNames?: readonly string[] | undefined;
  /** Drop messages with one of these names. */
  excludeNames?: readonly string[] | undefined;
  /** Keep messages of these kinds (type names or classes). */
  includeTypes?: readonly MessageTypeOrClass[] | undefined;
  /** Drop messages of these kinds (type names or classes). */
  excludeTypes?: readonly MessageTypeOrClass[] | undefined;
  /** Keep messages with one of these ids. */
  includeIds?: readonly string[] | undefined;
  /** Drop messages with one of these ids. */
  excludeIds?: readonly string[] | undefined;
}

/** The predicate the options describe, with the kinds resolved once rather than per message. */
function messageFilter(options: FilterMessagesFields): (message: BaseMessage) => boolean {
  const { includeNames, excludeNames, includeIds, excludeIds } = options;
  const includeTypes = options.includeTypes && messageTypeNames(options.includeTypes, "includeTypes");
  const excludeTypes = options.excludeTypes && messageTypeNames(options.excludeTypes, "excludeTypes");
  const hasInclude = includeNames !== undefined || includeTypes !== undefined || includeIds !== undefined;
  const listed = (list: readonly string[] | undefined, value: string | undefined): boolean =>
    list !== undefined && value !== undefined && value !== "" && list.includes(value);
  return (message) => {
    if (listed(excludeNames, message.name) || listed(excludeIds, message.id)) return false;
    if (excludeTypes?.has(message.getType())) return false;
    if (!hasInclude) return true;
    return (
      listed(includeNames, message.name) ||
      includeTypes?.has(message.getType()) === true ||
      listed(includeIds, message.id)
    );
  };
}

/**
 * Keeps the messages that meet at least one include condition and no exclude condition, as
 * `@langchain/core`'s `filterMessages` does; with no include condition, everything not excluded
 * is kept. Kinds are type names or classes. Called with only the options, it returns a Runnable
 * that filters its input list, for use in a chain (`filterMessages({ excludeTypes: ["tool"] }).pipe(model)`).
 * The messages themselves are kept as they are (not copied).
 *
 * @example
 * filterMessages(messages, { includeTypes: ["human", SystemMessage], excludeIds: ["draft"] });
 */
export function filterMessages(options?: FilterMessagesFields): Runnable<BaseMessage[], BaseMessage[]>;
export function filterMessages(
  messages: readonly BaseMessage[],
  options?: FilterMessagesFields,
): BaseMessage[];
export function filterMessages(
  messagesOrOptions?: readonly BaseMessage[] | FilterMessagesFields,
  options?: FilterMessagesFields,
): BaseMessage[] | Runnable<BaseMessage[], BaseMessage[]> {
  if (isReadonlyArray(messagesOrOptions)) {
    const keep = messageFilter(options ?? {});
    return checkMessageList(messagesOrOptions, "filterMessages").filter(keep);
  }
  const keep = messageFilter(messagesOrOptions ?? {});
  return RunnableLambda.from((input: BaseMessage[]): BaseMessage[] =>
    checkMessageList(input, "filterMessages").filter(keep),
  );
}
