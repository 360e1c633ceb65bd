import { isPlainObject } from "../internal/is-plain-object.js";
import { fail } from "./patch-step-failure.js";

/** Internal: a JSON array or object that a patch can read or write members of. */
export type JsonContainer = unknown[] | Record<string, unknown>;

/** True for arrays and objects (including class instances, which can be read but not written). */
export function isContainer(value: unknown): value is JsonContainer {
  return typeof value === "object" && value !== null;
}

/** True for arrays and objects whose prototype is `Object.prototype` or `null`: the only ones a patch writes into. */
export function isPlainContainer(value: unknown): value is JsonContainer {
  return Array.isArray(value) || isPlainObject(value);
}

/**
 * Parses an array index token (RFC 6901 §4: `0` or digits without a leading zero). With
 * `insert`, `-` and `length` are accepted (the position after the last element).
 */
export function parseArrayIndex(
  token: string,
  length: number,
  mode: "existing" | "insert",
  at: string,
): number {
  if (token === "-") {
    if (mode === "insert") return length;
    fail("invalid_index", `${at}: "-" names the position after the last element, which holds no value`);
  }
  if (!/^(0|[1-9][0-9]*)$/.test(token)) {
    fail(
      "invalid_index",
      `${at}: ${JSON.stringify(token)} is not an array index (digits, no leading zero, or "-")`,
    );
  }
  const index = Number(token);
  const max = mode === "insert" ? length : length - 1;
  if (index > max) fail("invalid_index", `${at}: index ${index} is out of range (array length ${length})`);
  return index;
}

/** Reads an existing member or element, failing with a reason that names the pointer `at`. */
export function readChild(container: JsonContainer, token: string, at: string): unknown {
  if (Array.isArray(container)) return container[parseArrayIndex(token, container.length, "existing", at)];
  // hasOwn, not `in`: "constructor" or "__proto__" must not resolve to inherited values.
  if (!Object.hasOwn(container, token)) fail("path_not_found", `${at}: no member ${JSON.stringify(token)}`);
  return container[token];
}

/** Sets an object member as an own data property, even for the key "__proto__" (which `=` would treat as the prototype setter). */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    target[key] = value;
  }
}
