import { JsonStreamParser } from "./json-stream-parser.js";
import type { JsonValue } from "./json-value.js";

/**
 * Parses possibly incomplete JSON text (for example tool-call arguments received so far) and
 * returns the partial value LangChain's `parse_partial_json` would: open objects and arrays
 * as far as they go, partial strings as read so far, numbers as their longest valid prefix,
 * and `undefined` when nothing parseable has been read yet. Never throws; text that turns
 * invalid yields the value read before the error. It is a one-shot convenience: a stream
 * should keep one {@link JsonStreamParser} and `push` each chunk instead, which is linear in
 * the total length where calling this on the growing text is quadratic.
 *
 * @example
 * parsePartialJson('{"city": "Par'); // { city: "Par" }
 * parsePartialJson('{"n": 12'); // { n: 12 }
 * parsePartialJson(""); // undefined
 */
export function parsePartialJson(text: string): JsonValue | undefined {
  const parser = new JsonStreamParser({ mode: "in-place" });
  parser.push(text);
  return parser.value;
}
