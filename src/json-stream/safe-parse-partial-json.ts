import { OutputParserError } from "../errors/output-parser-error.js";
import { JsonStringControlEscaper } from "./json-string-control-escaper.js";
import { JsonTokenizer } from "./json-tokenizer.js";
import type { JsonValue } from "./json-value.js";
import { PartialTree } from "./partial-tree.js";
import type { UnfinishedToken } from "./unfinished-token.js";

/** The result of {@link safeParsePartialJson}: the completed value, or why the text cannot be read. */
export type PartialJsonResult =
  | { success: true; value: JsonValue; error?: never }
  | { success: false; value?: never; error: OutputParserError };

function failure(reason: string, text: string): PartialJsonResult {
  const error = new OutputParserError(
    `Invalid partial JSON: ${reason}. Pass the beginning of one JSON value (an object, array, string, number, true, false or null), with nothing after it`,
    text,
  );
  return { success: false, error };
}

/** LangChain's reading of a number cut off by the end of the text: `-` is -0, `1.` and `1e+` are 1. */
function numberPrefixValue(text: string): number {
  return text === "-" ? -0 : Number.parseFloat(text);
}

/**
 * Completes the token the text ends inside, as `@langchain/core` does: a begun literal is
 * the whole literal, a begun number its longest readable prefix, a string keeps what its
 * decoder held back (a lone high surrogate; a cut-off escape as LangChain spells it: `\` stays
 * a backslash, `\u12` becomes `u12`); a key without its value is dropped (nothing to add).
 */
function completeToken(tree: PartialTree, token: UnfinishedToken | undefined, fed: string): void {
  if (token === undefined) return;
  if (token.kind === "literal") tree.literal(token.value);
  else if (token.kind === "number") tree.endNumber(numberPrefixValue(token.text));
  else if (!token.isKey) {
    const escapeLength = token.pendingEscapeLength;
    let escapeText = "";
    if (escapeLength === 1) escapeText = "\\";
    else if (escapeLength > 1) escapeText = fed.slice(fed.length - (escapeLength - 1));
    const suffix = token.heldText + escapeText;
    if (suffix.length > 0) tree.appendString(suffix);
  }
}

/**
 * Reads possibly incomplete JSON (a model's output or tool-call arguments so far) the way
 * `@langchain/core`'s `parsePartialJson` does, and returns `{ success: true, value }` or
 * `{ success: false, error }` (an `OutputParserError` carrying the text) instead of throwing.
 * The text is trimmed, then read once by the incremental tokenizer (linear in its length):
 * open objects and arrays are closed, a string is closed where the text ends, a begun literal
 * is completed (`[t` gives `[true]`, `[n` gives `[null]`), a begun number is read as far as it
 * goes (`-` gives `-0`, `1.` gives `1`), and a trailing comma or a key without a value is
 * dropped. Raw control characters inside strings (a literal newline) are accepted, as
 * LangChain accepts them. Fails on empty text, on a syntax error anywhere, and on anything
 * after a complete value. Unlike LangChain it rejects malformed numbers that are not at the end
 * of the text (`[-, 1]`, `[1., 2]`) and whitespace JSON does not allow between tokens
 * (no-break space), and a `__proto__` key is an ordinary member.
 *
 * @example
 * safeParsePartialJson('{"ok": tr'); // { success: true, value: { ok: true } }
 * safeParsePartialJson('{"a": 1} x').success; // false
 */
export function safeParsePartialJson(text: string): PartialJsonResult {
  const trimmed = text.trim();
  if (trimmed === "") return failure("the text is empty", text);
  const fed = new JsonStringControlEscaper().push(trimmed);
  const tree = new PartialTree({ snapshots: false, completeValues: false, pathEvents: false, diff: false });
  const tokenizer = new JsonTokenizer(tree);
  const stop = tokenizer.feed(fed, 0, text.length - text.trimStart().length);
  if (tokenizer.failed) return failure(tokenizer.error, text);
  if (stop < fed.length)
    return failure(`unexpected text after the JSON value: '${fed.slice(stop, stop + 20)}'`, text);
  completeToken(tree, tokenizer.unfinishedToken(), fed);
  tree.flush();
  const value = tree.root;
  // Unreachable for non-empty text that did not fail (its first character starts a value).
  if (value === undefined) return failure("no JSON value begins", text);
  return { success: true, value };
}
