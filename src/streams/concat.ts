import { isPlainObject } from "../internal/is-plain-object.js";

/** A value with its own `concat` (message chunks, generation chunks...). */
interface Concatenable {
  concat(other: unknown): unknown;
}

function isConcatenable(value: unknown): value is Concatenable {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    typeof Reflect.get(value, "concat") === "function"
  );
}

/**
 * Adds two chunks of a stream, the way `stream()` output is aggregated: strings join, numbers
 * add, arrays concatenate, values with a `concat` method (message chunks) use it, and plain
 * objects merge key by key, recursively. Anything else cannot be added: the later value wins.
 *
 * @example
 * concat("Hel", "lo");                 // "Hello"
 * concat({ a: "x", n: 1 }, { a: "y", n: 2 }); // { a: "xy", n: 3 }
 */
export function concat<T>(a: T, b: T): T;
export function concat(a: unknown, b: unknown): unknown {
  if (a === undefined || a === null) return b;
  if (b === undefined || b === null) return a;
  if (typeof a === "string" && typeof b === "string") return a + b;
  if (typeof a === "number" && typeof b === "number") return a + b;
  if (Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
  if (isConcatenable(a)) return a.concat(b);
  if (isPlainObject(a) && isPlainObject(b)) {
    const out: Record<string, unknown> = { ...a };
    for (const key of Object.keys(b)) {
      out[key] = key in a ? concat(a[key], b[key]) : b[key];
    }
    return out;
  }
  return b;
}
