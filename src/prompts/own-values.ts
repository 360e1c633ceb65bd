/**
 * Reads a prompt variable from the caller's values as an own property only, so that a variable
 * named like an `Object.prototype` member (`constructor`, `toString`, `__proto__`) is missing
 * when not given instead of reading the inherited member, and an own `__proto__` (from
 * `JSON.parse` or `Object.defineProperty`) gives its value.
 *
 * @example
 * ownValue({}, "constructor"); // undefined
 * ownValue(JSON.parse('{"__proto__": "x"}'), "__proto__"); // "x"
 */
export function ownValue(values: Readonly<Record<string, unknown>>, name: string): unknown {
  return Object.hasOwn(values, name) ? values[name] : undefined;
}

/**
 * Sets `key` as an own data property. Plain assignment would call the `__proto__` setter for
 * that key (changing the prototype, or doing nothing for a string) and lose the value.
 */
export function defineOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

/** Every own string key of `values` with its value, enumerable or not (`defineProperty` defaults to not). */
export function ownEntries(values: Readonly<Record<string, unknown>>): Array<[string, unknown]> {
  return Object.getOwnPropertyNames(values).map((key) => [key, values[key]]);
}

/** A new object with the own properties of each source in turn, later ones winning. */
export function mergeOwn(
  ...sources: ReadonlyArray<Readonly<Record<string, unknown>>>
): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const source of sources) for (const [key, value] of ownEntries(source)) defineOwn(merged, key, value);
  return merged;
}
