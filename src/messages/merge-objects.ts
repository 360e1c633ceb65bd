/**
 * Keys that name or identify something rather than carry streamed text or counts. Joining or adding
 * them would corrupt them ("call_1call_1", "gpt-4ogpt-4o", index 0 + 1), so the first non-empty
 * value is kept.
 */
const KEEP_FIRST_KEYS: ReadonlySet<string> = new Set([
  "id",
  "name",
  "type",
  "index",
  "model",
  "model_name",
  "model_provider",
  "system_fingerprint",
  "created",
  "output_version",
]);

/** A plain JSON-like object (not an array, not a class instance such as a Date). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === "";
}

/**
 * Merges one value of the right operand into the left one, following the streaming rules: strings
 * join, numbers add, objects merge recursively, arrays merge by `index`. Values of any other kind,
 * or of different kinds, are not mergeable: the later value wins (metadata such as a boolean flag
 * describes the latest state), which is more useful mid-stream than throwing as LangChain does.
 */
export function mergeValues(left: unknown, right: unknown, key?: string): unknown {
  if (right === undefined) return left;
  if (isEmpty(left)) return right === null ? (left ?? null) : right;
  if (right === null) return left;
  if (key !== undefined && KEEP_FIRST_KEYS.has(key)) return left;
  if (typeof left === "string" && typeof right === "string") return left + right;
  if (typeof left === "number" && typeof right === "number") return left + right;
  if (Array.isArray(left) && Array.isArray(right)) return mergeArrays(left, right);
  if (isPlainObject(left) && isPlainObject(right)) return mergeObjects(left, right);
  return right;
}

/**
 * Merges two records key by key with {@link mergeValues} (used for `additional_kwargs`,
 * `response_metadata` and content blocks). Returns a new object; neither operand is changed, and
 * untouched nested values are shared rather than copied, which keeps a long stream of merges linear.
 *
 * @example
 * mergeObjects({ function_call: { name: "f", arguments: "{\"a\"" } }, { function_call: { arguments: ":1}" } });
 * // { function_call: { name: "f", arguments: "{\"a\":1}" } }
 */
export function mergeObjects(
  left: Readonly<Record<string, unknown>>,
  right: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...left };
  for (const [key, value] of Object.entries(right)) {
    const next = mergeValues(merged[key], value, key);
    if (next !== undefined) merged[key] = next;
  }
  return merged;
}

function indexOf(value: unknown): number | undefined {
  return isPlainObject(value) && typeof value.index === "number" ? value.index : undefined;
}

/** Two items that share an index but carry different non-empty ids are two things, not fragments of one. */
function sameItem(left: Record<string, unknown>, right: Record<string, unknown>): boolean {
  return isEmpty(left.id) || isEmpty(right.id) || left.id === right.id;
}

/**
 * Merges two arrays: an object item with a numeric `index` merges into the last left item with the
 * same index (unless their ids differ); every other item is appended. A map from index to position
 * keeps this linear in the sizes of both arrays.
 */
export function mergeArrays(left: readonly unknown[], right: readonly unknown[]): unknown[] {
  const merged = left.slice();
  const positions = new Map<number, number>();
  merged.forEach((item, position) => {
    const index = indexOf(item);
    if (index !== undefined) positions.set(index, position);
  });
  for (const item of right) {
    const index = indexOf(item);
    const position = index === undefined ? undefined : positions.get(index);
    const target = position === undefined ? undefined : merged[position];
    if (position !== undefined && isPlainObject(target) && isPlainObject(item) && sameItem(target, item)) {
      merged[position] = mergeObjects(target, item);
      continue;
    }
    if (index !== undefined) positions.set(index, merged.length);
    merged.push(item);
  }
  return merged;
}
