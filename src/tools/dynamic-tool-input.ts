import { isPlainObject } from "../internal/is-plain-object.js";

/**
 * True for what a tool without a schema (`DynamicTool`) reads as no input: `undefined`, `{}`,
 * or `{ input: undefined }`. `@langchain/core` gives such a tool the schema
 * `{ input?: string }`, so a model that calls it with empty arguments gets its function called
 * with `undefined`; Rivulet does the same. Other keys are still refused (their value would be
 * lost without a word).
 *
 * @example
 * isEmptyStringToolInput({}); // true
 * isEmptyStringToolInput({ query: "x" }); // false
 */
export function isEmptyStringToolInput(raw: unknown): boolean {
  if (raw === undefined) return true;
  if (!isPlainObject(raw)) return false;
  const keys = Object.keys(raw);
  return keys.length === 0 || (keys.length === 1 && keys[0] === "input" && raw.input === undefined);
}
