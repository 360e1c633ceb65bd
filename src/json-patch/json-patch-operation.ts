/** `add`: puts `value` at `path`, inserting into an array or creating/replacing an object member (RFC 6902 §4.1). */
export interface JsonPatchAdd<Value = unknown> {
  op: "add";
  path: string;
  value: Value;
}

/** `remove`: deletes the value at `path`, which must exist (RFC 6902 §4.2). */
export interface JsonPatchRemove {
  op: "remove";
  path: string;
}

/** `replace`: swaps the value at `path`, which must exist, for `value` (RFC 6902 §4.3). */
export interface JsonPatchReplace<Value = unknown> {
  op: "replace";
  path: string;
  value: Value;
}

/** `move`: removes the value at `from` and adds it at `path`; `from` may not be a proper prefix of `path` (RFC 6902 §4.4). */
export interface JsonPatchMove {
  op: "move";
  from: string;
  path: string;
}

/** `copy`: adds a copy of the value at `from` at `path` (RFC 6902 §4.5). */
export interface JsonPatchCopy {
  op: "copy";
  from: string;
  path: string;
}

/** `test`: fails the whole patch unless the value at `path` equals `value` as JSON (RFC 6902 §4.6). */
export interface JsonPatchTest<Value = unknown> {
  op: "test";
  path: string;
  value: Value;
}

/**
 * `append` (a Rivulet extension, not in RFC 6902): appends `value` to the string at `path`,
 * which must exist and be a string. `streamLog` uses it for streamed text, so a run that
 * produces n characters costs O(n) patch bytes in total instead of the O(n²) that repeated
 * `replace` ops of the whole string would cost.
 *
 * @example
 * applyPatch({ text: "Hel" }, [{ op: "append", path: "/text", value: "lo" }]); // { text: "Hello" }
 */
export interface JsonPatchAppend {
  op: "append";
  path: string;
  value: string;
}

/**
 * One JSON Patch operation: the six of RFC 6902 plus Rivulet's `append`, discriminated on
 * `op`. Paths are JSON Pointers (RFC 6901): `""` is the whole document, `/a/0` is index 0
 * of member `a`, and `-` as the last segment of an `add` means "after the last element".
 * `Value` types the values that `add`, `replace` and `test` carry (`unknown` by default; the
 * JSON stream parser's ops carry JSON values). This is the one patch operation type: `applyPatch`
 * takes it, `streamLog` and the JSON stream parser produce it.
 *
 * @example
 * const ops: JsonPatchOperation[] = [
 *   { op: "add", path: "/logs/model", value: { streamed_output: [] } },
 *   { op: "add", path: "/logs/model/streamed_output/-", value: "Hi" },
 * ];
 */
export type JsonPatchOperation<Value = unknown> =
  | JsonPatchAdd<Value>
  | JsonPatchRemove
  | JsonPatchReplace<Value>
  | JsonPatchMove
  | JsonPatchCopy
  | JsonPatchTest<Value>
  | JsonPatchAppend;
