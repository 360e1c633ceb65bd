import type { JsonPatchAdd, JsonPatchAppend, JsonPatchReplace } from "../json-patch/json-patch-operation.js";
import type { JsonValue } from "./json-value.js";

/**
 * The operations `JsonStreamParser` emits in diff mode: the `add`, `replace` and `append`
 * members of `JsonPatchOperation`, carrying JSON values, so a batch goes straight into
 * `applyPatch`. `append` (a Rivulet extension) concatenates `value` to the string at `path`,
 * which keeps the total size of a streamed patch linear in the text (RFC 6902 alone would resend
 * the whole string on every token). New array elements are added at their index (`/items/3`),
 * never with `-`.
 *
 * @example
 * // '{"name": "Fr' then 'ance"}' in two chunks drains as:
 * // [{ op: "add", path: "", value: {} }, { op: "add", path: "/name", value: "Fr" }]
 * // [{ op: "append", path: "/name", value: "ance" }]
 */
export type JsonStreamPatchOperation =
  | JsonPatchAdd<JsonValue>
  | JsonPatchReplace<JsonValue>
  | JsonPatchAppend;
