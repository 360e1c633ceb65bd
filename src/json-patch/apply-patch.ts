import { InvalidConfigError, InvalidInputError } from "../errors/input-errors.js";
import { cloneJsonValue } from "./clone-json-value.js";
import { CopyOnWriteDocument, describeType } from "./copy-on-write-document.js";
import { formatJsonPointer } from "./format-json-pointer.js";
import { parseArrayIndex, readChild, setOwn } from "./json-container.js";
import { jsonEqual } from "./json-equal.js";
import { JsonPatchError } from "./json-patch-error.js";
import type { JsonPatchOperation } from "./json-patch-operation.js";
import { parseJsonPointer } from "./parse-json-pointer.js";
import { fail, PatchStepFailure } from "./patch-step-failure.js";
import { validateOperation } from "./validate-operation.js";

/** Options of `applyPatch`. */
export interface ApplyPatchOptions {
  /**
   * Apply the ops in place and return the same document (the fast path for a log that
   * only grows). Use it only on a document you own entirely: not on one that shares
   * subtrees with an earlier non-mutating result. If an op fails, the ops before it stay
   * applied. Default `false`.
   */
  mutate?: boolean;
}

/**
 * Applies JSON Patch ops (RFC 6902, plus Rivulet's `append`) to `document` and returns the
 * result. By default the input is not changed: the containers on the paths the ops touch
 * are copied once each and everything else is shared with the input, so a patch costs the
 * paths it touches, not the size of the document; if an op fails, nothing is changed.
 * Values that ops insert are copied (arrays and plain objects only; class instances such
 * as message chunks are stored by reference and are leaves to a patch). Throws a
 * `JsonPatchError` naming the failing op's index, the op and the reason.
 *
 * @example
 * const state = applyPatch({ streamed_output: [] }, [
 *   { op: "add", path: "/streamed_output/-", value: "Hel" },
 *   { op: "append", path: "/streamed_output/0", value: "lo" },
 * ]); // { streamed_output: ["Hello"] }
 */
export function applyPatch<T>(
  document: T,
  ops: readonly JsonPatchOperation[],
  options: ApplyPatchOptions = {},
): T {
  const { mutate } = options;
  // "true" (from a parsed config) would otherwise mean a copy, silently.
  if (mutate !== undefined && typeof mutate !== "boolean") {
    throw new InvalidConfigError(`mutate must be true or false, got ${typeof mutate} ${String(mutate)}`);
  }
  const target = new CopyOnWriteDocument(document, mutate === true);
  for (let opIndex = 0; opIndex < ops.length; opIndex++) {
    const operation: unknown = ops[opIndex];
    try {
      applyOperation(target, operation);
    } catch (error) {
      if (error instanceof PatchStepFailure) {
        throw new JsonPatchError({
          kind: error.kind,
          reason: error.message,
          opIndex,
          operation,
          cause: error.cause,
        });
      }
      throw error;
    }
  }
  return target.root as T;
}

function applyOperation(target: CopyOnWriteDocument, operation: unknown): void {
  const op = validateOperation(operation);
  const path = pointer(op.path);
  switch (op.op) {
    case "add":
      addValue(target, path, cloneJsonValue(op.value));
      break;
    case "remove":
      if (path.length === 0) fail("invalid_operation", "the whole document cannot be removed");
      removeValue(target, path);
      break;
    case "replace":
      replaceValue(target, path, cloneJsonValue(op.value));
      break;
    case "move":
      moveValue(target, op.from, path);
      break;
    case "copy":
      addValue(target, path, cloneJsonValue(target.get(pointer(op.from))));
      break;
    case "test":
      testValue(target, path, op.value);
      break;
    case "append":
      appendText(target, path, op.value);
      break;
  }
}

function pointer(path: string): string[] {
  try {
    return parseJsonPointer(path);
  } catch (error) {
    if (InvalidInputError.isInstance(error)) fail("invalid_pointer", error.message, error);
    throw error;
  }
}

function lastOf(path: readonly string[]): string {
  return path[path.length - 1]!;
}

function addValue(target: CopyOnWriteDocument, path: readonly string[], value: unknown): void {
  if (path.length === 0) {
    target.root = value;
    return;
  }
  const parent = target.writableParent(path);
  const token = lastOf(path);
  if (!Array.isArray(parent)) {
    setOwn(parent, token, value);
    return;
  }
  const index = parseArrayIndex(token, parent.length, "insert", formatAt(path));
  if (index === parent.length) parent.push(value);
  else parent.splice(index, 0, value);
}

function removeValue(target: CopyOnWriteDocument, path: readonly string[]): unknown {
  const parent = target.writableParent(path);
  const token = lastOf(path);
  const at = formatAt(path);
  if (Array.isArray(parent))
    return parent.splice(parseArrayIndex(token, parent.length, "existing", at), 1)[0];
  const value = readChild(parent, token, at);
  delete parent[token];
  return value;
}

function replaceValue(target: CopyOnWriteDocument, path: readonly string[], value: unknown): void {
  if (path.length === 0) {
    target.root = value;
    return;
  }
  const parent = target.writableParent(path);
  const token = lastOf(path);
  const at = formatAt(path);
  if (Array.isArray(parent)) parent[parseArrayIndex(token, parent.length, "existing", at)] = value;
  else {
    readChild(parent, token, at); // RFC 6902 §4.3: the target location must exist.
    setOwn(parent, token, value);
  }
}

function moveValue(target: CopyOnWriteDocument, fromPointer: string, path: readonly string[]): void {
  const from = pointer(fromPointer);
  if (from.length < path.length && from.every((token, i) => token === path[i])) {
    fail(
      "invalid_operation",
      `"from" ${JSON.stringify(fromPointer)} cannot be moved into one of its own children`,
    );
  }
  if (from.length === path.length && from.every((token, i) => token === path[i])) {
    target.get(from); // A move onto itself changes nothing, but "from" must still exist.
    return;
  }
  if (from.length === 0) fail("invalid_operation", "the whole document cannot be moved");
  addValue(target, path, removeValue(target, from));
}

function testValue(target: CopyOnWriteDocument, path: readonly string[], expected: unknown): void {
  const actual = target.get(path);
  if (!jsonEqual(actual, expected)) {
    fail("test_failed", `${formatAt(path)} is ${preview(actual)}, expected ${preview(expected)}`);
  }
}

function appendText(target: CopyOnWriteDocument, path: readonly string[], text: string): void {
  const current = target.get(path);
  if (typeof current !== "string") {
    fail("type_mismatch", `${formatAt(path)} is ${describeType(current)}; "append" needs a string there`);
  }
  if (path.length === 0) {
    target.root = current + text;
    return;
  }
  const parent = target.writableParent(path);
  const token = lastOf(path);
  if (Array.isArray(parent)) parent[Number(token)] = current + text;
  else setOwn(parent, token, current + text);
}

function formatAt(path: readonly string[]): string {
  return path.length === 0 ? '""' : formatJsonPointer(path);
}

/** A bounded JSON rendering for error messages: values can be whole documents. */
function preview(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = describeType(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
