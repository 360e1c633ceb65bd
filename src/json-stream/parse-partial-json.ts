import type { JsonValue } from "./json-value.js";
import { safeParsePartialJson } from "./safe-parse-partial-json.js";

/**
 * `@langchain/core`'s `parsePartialJson`: reads possibly incomplete JSON (tool-call arguments or
 * model output so far) and returns the value completed as LangChain completes it, or `null`
 * when the text cannot be read (empty, a syntax error, text after a complete value). See
 * {@link safeParsePartialJson} for the rules; {@link strictParsePartialJson} throws instead.
 * One call is linear in the text's length. A stream should still keep one
 * `JsonStreamParser` and `push` each chunk: calling this on the growing text is quadratic.
 *
 * @example
 * parsePartialJson('{"city": "Par'); // { city: "Par" }
 * parsePartialJson("[t"); // [true]
 * parsePartialJson('{"n": -'); // { n: -0 }
 * parsePartialJson("{]"); // null
 */
export function parsePartialJson(text: string): JsonValue {
  const result = safeParsePartialJson(text);
  return result.success ? result.value : null;
}
