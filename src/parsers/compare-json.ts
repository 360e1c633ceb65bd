import { escapeJsonPointerToken } from "../json-patch/escape-json-pointer-token.js";
import type { JsonPatchOperation } from "../json-patch/json-patch-operation.js";

type Container = Record<string, unknown> | unknown[];

function isContainer(value: unknown): value is Container {
  return typeof value === "object" && value !== null;
}

function member(container: Container, key: string): unknown {
  return Reflect.get(container, key);
}

/** Deep copy of a JSON value, so ops never share objects with the values they were made from. */
function copy(value: unknown): unknown {
  return isContainer(value) ? structuredClone(value) : value;
}

/** The `compareInto` of two arrays, by index (their keys), without listing the keys. */
function compareArrays(previous: unknown[], next: unknown[], path: string, ops: JsonPatchOperation[]): void {
  for (let index = previous.length - 1; index >= 0; index -= 1) {
    const before = previous[index];
    if (index >= next.length) {
      ops.push({ op: "remove", path: `${path}/${index}` });
      continue;
    }
    const after = next[index];
    if (before === after) continue;
    if (isContainer(before) && isContainer(after) && Array.isArray(before) === Array.isArray(after)) {
      compareInto(before, after, `${path}/${index}`, ops);
    } else ops.push({ op: "replace", path: `${path}/${index}`, value: copy(after) });
  }
  for (let index = previous.length; index < next.length; index += 1) {
    ops.push({ op: "add", path: `${path}/${index}`, value: copy(next[index]) });
  }
}

function compareInto(previous: Container, next: Container, path: string, ops: JsonPatchOperation[]): void {
  if (previous === next) return;
  if (Array.isArray(previous) && Array.isArray(next)) {
    compareArrays(previous, next, path, ops);
    return;
  }
  const previousKeys = Object.keys(previous);
  const nextKeys = Object.keys(next);
  let removed = false;
  // Existing members last to first, so removals from an array keep the earlier indexes valid.
  for (let index = previousKeys.length - 1; index >= 0; index -= 1) {
    const key = previousKeys[index] ?? "";
    const before = member(previous, key);
    const present = Object.hasOwn(next, key);
    const after = present ? member(next, key) : undefined;
    // Shared members (closed parts of a streamed value) are equal: nothing to build for them.
    if (present && before === after) continue;
    const at = `${path}/${escapeJsonPointerToken(key)}`;
    if (present) {
      if (isContainer(before) && isContainer(after) && Array.isArray(before) === Array.isArray(after)) {
        compareInto(before, after, at, ops);
      } else if (before !== after) ops.push({ op: "replace", path: at, value: copy(after) });
    } else if (Array.isArray(previous) === Array.isArray(next)) {
      ops.push({ op: "remove", path: at });
      removed = true;
    } else ops.push({ op: "replace", path, value: copy(next) });
  }
  if (!removed && nextKeys.length === previousKeys.length) return;
  for (const key of nextKeys) {
    if (!Object.hasOwn(previous, key)) {
      ops.push({ op: "add", path: `${path}/${escapeJsonPointerToken(key)}`, value: copy(member(next, key)) });
    }
  }
}

/**
 * The JSON Patch that turns `previous` into `next`, as the `compare` of the `fast-json-patch`
 * copy inside `@langchain/core` makes it (the same ops in the same order, so diff streams
 * ported from LangChain read alike): members compared last to first, a changed leaf or a
 * container of another kind `replace`d, a missing member `remove`d, new members `add`ed after.
 *
 * @example
 * compareJson({ a: "x" }, { a: [{ b: "" }] }); // [{ op: "replace", path: "/a", value: [{ b: "" }] }]
 */
export function compareJson(previous: Container, next: Container): JsonPatchOperation[] {
  const ops: JsonPatchOperation[] = [];
  compareInto(previous, next, "", ops);
  return ops;
}
