/**
 * True for any object that is not an array, class instances included. Deliberately wider than
 * `isPlainObject`: callers read fields of values users pass (a tool that is a class instance,
 * a schema a library built, a hand-made message field), and on parsed JSON, which holds only
 * plain objects, the two agree.
 */
export function isNonArrayObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
