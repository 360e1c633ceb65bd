import { isPlainContainer, setOwn } from "./json-container.js";

/**
 * Internal: a deep copy of the arrays and plain objects in `value`; anything else (strings,
 * numbers, class instances such as message chunks, Dates) is kept by reference, since a
 * patch never writes inside those. Used for the values that `add`, `replace` and `copy`
 * put into a document, so the document never shares containers with a patch's ops or with
 * another location of itself (a later `mutate: true` write would otherwise change both).
 * Costs the size of the value, which is the size of the op.
 */
export function cloneJsonValue(value: unknown, seen: WeakMap<object, unknown> = new WeakMap()): unknown {
  if (!isPlainContainer(value)) return value;
  const known = seen.get(value);
  if (known !== undefined) return known;
  if (Array.isArray(value)) {
    const copy: unknown[] = new Array(value.length);
    seen.set(value, copy);
    for (let i = 0; i < value.length; i++) copy[i] = cloneJsonValue(value[i], seen);
    return copy;
  }
  const copy: Record<string, unknown> = Object.getPrototypeOf(value) === null ? Object.create(null) : {};
  seen.set(value, copy);
  for (const key of Object.keys(value)) setOwn(copy, key, cloneJsonValue(value[key], seen));
  return copy;
}
