import type { Runnable } from "../runnables/runnable.js";
import { RunnableLambda } from "../runnables/runnable-lambda.js";
import { concat } from "../streams/concat.js";
import type { BaseMessage } from "./base-message.js";
import { messageFromJSON } from "./message-from-json.js";
import { chunkToMessage, messageToChunk } from "./message-to-chunk.js";
import { checkMessageList, isReadonlyArray } from "./message-type-match.js";

/** Tool results answer distinct calls and removals name distinct ids: neither is ever merged. */
const NEVER_MERGED: ReadonlySet<string> = new Set(["tool", "remove"]);

/** One message holding `left` then `right`: string contents joined by a newline, lists block by block. */
function mergePair(left: BaseMessage, right: BaseMessage): BaseMessage {
  // Same type on both sides, so each chunk's own concat applies (concat dispatches to it).
  const merged = chunkToMessage(concat(messageToChunk(left), messageToChunk(right)));
  if (typeof left.content !== "string" || typeof right.content !== "string") return merged;
  return messageFromJSON({ ...merged.toJSON(), content: `${left.content}\n${right.content}` });
}

function mergeRuns(messages: readonly BaseMessage[]): BaseMessage[] {
  const merged: BaseMessage[] = [];
  for (const message of checkMessageList(messages, "mergeMessageRuns")) {
    const last = merged.at(-1);
    const type = message.getType();
    if (last === undefined || last.getType() !== type || NEVER_MERGED.has(type)) merged.push(message);
    else merged[merged.length - 1] = mergePair(last, message);
  }
  return merged;
}

/**
 * Merges each run of consecutive messages of the same type into one message, as
 * `@langchain/core`'s `mergeMessageRuns` does (providers that reject two user turns in a row need
 * this). Two string contents are joined with a newline; when either is a list of blocks the
 * blocks are concatenated. An AI run's tool calls are concatenated, metadata merges and the
 * first id and name win. Tool messages (and removals) are never merged. A message that is not
 * part of a run is returned as is; no input message is changed. Called with no messages, it
 * returns a Runnable that merges its input list.
 *
 * @example
 * mergeMessageRuns([new HumanMessage("hi"), new HumanMessage("there")]); // [HumanMessage("hi\nthere")]
 */
export function mergeMessageRuns(): Runnable<BaseMessage[], BaseMessage[]>;
export function mergeMessageRuns(messages: readonly BaseMessage[]): BaseMessage[];
export function mergeMessageRuns(
  messages?: readonly BaseMessage[],
): BaseMessage[] | Runnable<BaseMessage[], BaseMessage[]> {
  if (isReadonlyArray(messages)) return mergeRuns(messages);
  return RunnableLambda.from((input: BaseMessage[]): BaseMessage[] => mergeRuns(input));
}
