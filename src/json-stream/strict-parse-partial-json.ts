import type { JsonValue } from "./json-value.js";
import { safeParsePartialJson } from "./safe-parse-partial-json.js";

/**
 * `@langchain/core`'s `strictParsePartialJson`: completes possibly incomplete JSON exactly as
 * {@link parsePartialJson} does, but throws an `OutputParserError` (carrying the text, its
 * message naming the position) when the text cannot be read, instead of returning `null`. So a
 * `null` result always means the JSON said `null`.
 *
 * @example
 * strictParsePartialJson('[1, {"a": "b'); // [1, { a: "b" }]
 * strictParsePartialJson('{"a" 1}'); // throws OutputParserError: ... Expected ':' after property name ...
 */
export function strictParsePartialJson(text: string): JsonValue {
  const result = safeParsePartialJson(text);
  if (!result.success) throw result.error;
  return result.value;
}
