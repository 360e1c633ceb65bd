import type { BaseMessage } from "./base-message.js";
import type { ContentBlock, MessageContent } from "./content-block.js";
import { messageFromJSON } from "./message-from-json.js";

/** Counts the tokens of a list of messages. */
export type ListTokenCounter = (messages: BaseMessage[]) => Promise<number>;
/** Splits a text into pieces that join back to it. */
export type TextSplitFunction = (text: string) => Promise<string[]>;

/** How one pass of the trim runs (see {@link keepFirstWithinBudget}). */
export interface BudgetPass {
  maxTokens: number;
  countTokens: ListTokenCounter;
  splitText: TextSplitFunction;
  /** Which end of a message that does not fit to keep, if any: the first blocks or text pieces, or the last. */
  partial: "first" | "last" | undefined;
  /** Kinds the kept list must end on (trailing messages of other kinds are dropped). */
  endOn: ReadonlySet<string> | undefined;
  /** Leading messages `endOn` never drops (the system message `includeSystem` keeps). */
  protectedHead: number;
}

/** A copy of a message with another content (its class and other fields kept). */
function withContent(message: BaseMessage, content: MessageContent): BaseMessage {
  return messageFromJSON({ ...message.toJSON(), content });
}

/**
 * The length of the longest prefix within the budget, found by bisection: a counter is called
 * O(log n) times rather than once per dropped message. Assumes, as any token count does, that a
 * longer prefix never counts fewer tokens.
 */
async function longestFittingPrefix(messages: BaseMessage[], pass: BudgetPass): Promise<number> {
  if ((await pass.countTokens(messages)) <= pass.maxTokens) return messages.length;
  let fits = 0;
  let fails = messages.length;
  while (fails - fits > 1) {
    const middle = Math.floor((fits + fails) / 2);
    if ((await pass.countTokens(messages.slice(0, middle))) <= pass.maxTokens) fits = middle;
    else fails = middle;
  }
  return fits;
}

/** The most blocks of a list content (from the kept end) that still fit after `kept`, or undefined. */
async function partialBlocks(
  kept: BaseMessage[],
  excluded: BaseMessage,
  blocks: ContentBlock[],
  pass: BudgetPass,
): Promise<BaseMessage | undefined> {
  for (let count = blocks.length - 1; count >= 1; count -= 1) {
    const part = pass.partial === "first" ? blocks.slice(0, count) : blocks.slice(-count);
    const candidate = withContent(excluded, part);
    if ((await pass.countTokens([...kept, candidate])) <= pass.maxTokens) return candidate;
  }
  return undefined;
}

/** The text of the first non-empty text block. */
function firstText(blocks: readonly ContentBlock[]): string | undefined {
  for (const block of blocks) {
    if (block.type === "text" && "text" in block && typeof block.text === "string" && block.text !== "") {
      return block.text;
    }
  }
  return undefined;
}

/** The most text pieces (from the kept end) of a message's text that still fit after `kept`, or undefined. */
async function partialText(
  kept: BaseMessage[],
  excluded: BaseMessage,
  pass: BudgetPass,
): Promise<BaseMessage | undefined> {
  const content = excluded.content;
  const text = typeof content === "string" ? content : firstText(content);
  if (typeof text !== "string" || text === "") return undefined;
  const pieces = await pass.splitText(text);
  for (let count = pieces.length - 1; count >= 1; count -= 1) {
    const part = pass.partial === "first" ? pieces.slice(0, count) : pieces.slice(-count);
    const candidate = withContent(excluded, part.join(""));
    if ((await pass.countTokens([...kept, candidate])) <= pass.maxTokens) return candidate;
  }
  return undefined;
}

/**
 * Keeps the longest prefix of `messages` within the budget, then (with `partial`) as much of the
 * first message left out as fits: whole blocks of a list content first, else pieces of its text.
 * Last, drops trailing messages until one of an `endOn` kind ends the list. Never changes its input.
 */
export async function keepFirstWithinBudget(
  messages: BaseMessage[],
  pass: BudgetPass,
): Promise<BaseMessage[]> {
  let kept = messages.slice(0, await longestFittingPrefix(messages, pass));
  const excluded = messages[kept.length];
  if (excluded !== undefined && pass.partial !== undefined) {
    const partial =
      (typeof excluded.content === "string"
        ? undefined
        : await partialBlocks(kept, excluded, excluded.content, pass)) ??
      (await partialText(kept, excluded, pass));
    if (partial !== undefined) kept = [...kept, partial];
  }
  if (pass.endOn !== undefined) {
    const endOn = pass.endOn;
    let end = kept.length;
    while (end > pass.protectedHead && !endOn.has(kept[end - 1]!.getType())) end -= 1;
    kept = kept.slice(0, end);
  }
  return kept;
}
