import { isPlainObject } from "../internal/is-plain-object.js";
import { JsonTokenizer } from "../json-stream/json-tokenizer.js";
import { parsePartialJson } from "../json-stream/parse-partial-json.js";
import type { ValueSink } from "../json-stream/value-sink.js";

/** Receives nothing: the tokenizer is run only to learn whether the text can still become JSON. */
const IGNORE: ValueSink = {
  openContainer() {},
  closeContainer() {},
  setKey() {},
  beginString() {},
  appendString() {},
  endString() {},
  beginNumber() {},
  numberProgress() {},
  endNumber() {},
  literal() {},
};

/**
 * Whether `text` (which `JSON.parse` rejected) is the beginning of a JSON value that more text
 * could complete: no syntax error so far and nothing after a complete value. Bare JSON only: a
 * Markdown fence or prose around the args is a syntax error here, as in `@langchain/core`.
 */
function isUnfinishedJson(text: string): boolean {
  const tokenizer = new JsonTokenizer(IGNORE);
  const stop = tokenizer.feed(text, 0, 0);
  return !tokenizer.failed && stop === text.length;
}

/** How {@link parseToolCallArgs} reads the text. */
export interface ParseToolCallArgsOptions {
  /**
   * `true` while the call may still be streaming: an unfinished prefix (`{"ci`) gives the
   * partial object read so far. `false` for a complete message: only complete JSON counts.
   */
  partial: boolean;
}

/**
 * The one reading of tool-call argument text shared by streamed fragments and complete messages,
 * so that a call is valid or malformed the same way wherever it comes from. Returns the args
 * object, or `undefined` when the call is malformed: a syntax error anywhere (`{"a":}`,
 * `{"city":"Paris"} trailing`), or a value that is not a JSON object (`[1,2]`, `"str"`, `3`),
 * which `@langchain/core` reports as "Malformed args.". Blank text means no arguments (`{}`).
 *
 * @example
 * parseToolCallArgs('{"city": "Pa', { partial: true }); // { city: "Pa" }
 * parseToolCallArgs('{"city": "Pa', { partial: false }); // undefined
 * parseToolCallArgs('{"a":}', { partial: true }); // undefined
 */
export function parseToolCallArgs(
  text: string,
  options: ParseToolCallArgsOptions,
): Record<string, unknown> | undefined {
  if (text.trim() === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // Two linear passes, only for text that is not complete JSON (a call read mid-stream).
    value = options.partial && isUnfinishedJson(text) ? parsePartialJson(text) : undefined;
  }
  return isPlainObject(value) ? value : undefined;
}
