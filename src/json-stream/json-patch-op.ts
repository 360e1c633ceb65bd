import type { JsonValue } from "./json-value.js";

/**
 * One operation of the patch stream produced by `JsonStreamParser` in diff mode. `add` and
 * `replace` are RFC 6902 operations; `append` is a Rivulet extension meaning "concatenate
 * `value` (a string) to the string at `path`", which keeps the total size of a streamed
 * patch linear in the text (RFC 6902 alone would resend the whole string on every token).
 * `path` is an RFC 6901 JSON Pointer (`~` written `~0`, `/` written `~1`; `""` is the root).
 * New array elements are added at their index (`/items/3`), never with `-`.
 *
 * @example
 * // '{"name": "Fr' then 'ance"}' in two chunks drains as:
 * // [{ op: "add", path: "", value: {} }, { op: "add", path: "/name", value: "Fr" }]
 * // [{ op: "append", path: "/name", value: "ance" }]
 */
export type JsonPatchOp = {
  op: "add" | "replace" | "append";
  path: string;
  value: JsonValue;
};
