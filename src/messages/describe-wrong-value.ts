/**
 * A short description of a wrong value for an error message, never the whole value: `null`,
 * `an array`, `an object`, `a string`, or the type and value of a primitive (`number 5`).
 *
 * @example
 * describeWrongValue(5); // "number 5"
 * describeWrongValue({ a: 1 }); // "an object"
 */
export function describeWrongValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return "a string";
  return typeof value === "object" ? "an object" : `${typeof value} ${String(value)}`;
}
