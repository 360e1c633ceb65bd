/**
 * Sets `key` as an own, enumerable property of `target`, even when the key is `__proto__` (where a
 * plain assignment would replace the prototype and drop the value): for objects keyed by what a
 * user named (map branches, their outputs).
 */
export function setOwnProperty(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
