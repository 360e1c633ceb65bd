import type { JsonValue } from "./json-value.js";

/**
 * A value the streaming parser has finished reading (in path-event mode): a leaf or a whole
 * object or array, with its location from the root (object keys and array indices). Events
 * come in completion order, so a container's event follows those of everything inside it
 * and the root's (path `[]`) is last.
 *
 * @example
 * // '{"tags": ["a"]}' yields, in order:
 * // { path: ["tags", 0], value: "a" }, { path: ["tags"], value: ["a"] }, { path: [], value: { tags: ["a"] } }
 */
export type JsonPathEvent = {
  path: (string | number)[];
  value: JsonValue;
};
