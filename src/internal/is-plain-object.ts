/**
 * True for a plain object: one whose prototype is `Object.prototype` (object literals,
 * `JSON.parse` output, `Object.fromEntries`, `structuredClone` of those) or `null`
 * (`Object.create(null)`, which callers use for dictionaries keyed by user data). False for
 * arrays, functions, `null`, primitives and class instances (`Date`, `Map`, message chunks,
 * Runnables), which have behaviour of their own and must not be merged, copied or iterated key
 * by key. Objects made in another realm (a `vm` context, an iframe) have that realm's
 * `Object.prototype` and are not plain here.
 *
 * This is the one guard for "a record of data" across the package: stream folding (`concat`),
 * message field merges, prompt inputs, metadata filters. A check that must also accept class
 * instances (reading fields of a user's tool object, say) is a different question and says so
 * in its name.
 *
 * @example
 * isPlainObject({ a: 1 });              // true
 * isPlainObject(Object.create(null));   // true
 * isPlainObject([1]);                   // false
 * isPlainObject(new Date());            // false
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  // Array.isArray first: an array stays an array even if its prototype was replaced.
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
