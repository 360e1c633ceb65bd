/**
 * Serializes an event payload to JSON text for a `data:` line. It follows
 * `JSON.stringify` (key order kept, `toJSON()` honoured, so messages and documents write
 * their own shape; `undefined`, functions and symbols omitted from objects and `null` in
 * arrays; non-finite numbers as `null`) with four changes so that an event can always be
 * sent: an `Error` becomes `{ name, message, code? }` (its own fields are not enumerable,
 * so `JSON.stringify` would give `{}` and lose the message), a bigint becomes its decimal
 * string, a value that refers back to one of its ancestors becomes `"[Circular]"` instead
 * of throwing, and a top-level value with no JSON form (`undefined`) becomes `null`.
 *
 * @example
 * serializeEventData({ error: new TypeError("bad"), n: 1n, skip: undefined });
 * // '{"error":{"name":"TypeError","message":"bad"},"n":"1"}'
 */
export function serializeEventData(value: unknown, options: SerializeEventDataOptions = {}): string {
  return writeValue(value, "", { ancestors: new Set(), replace: options.replace }) ?? "null";
}

/** Options of {@link serializeEventData}. */
export interface SerializeEventDataOptions {
  /**
   * Called with each object before it is written; what it returns is written instead (return the
   * object itself to keep it). The wire dialects use it to write messages in their shape in the
   * same walk, without building a converted copy of the whole value first.
   */
  readonly replace?: ((value: object) => unknown) | undefined;
}

interface WriteState {
  readonly ancestors: Set<object>;
  readonly replace: ((value: object) => unknown) | undefined;
}

/** Returns the JSON text of `value`, or `undefined` where JSON.stringify would omit it. */
function writeValue(input: unknown, key: string, state: WriteState): string | undefined {
  if (state.replace !== undefined && typeof input === "object" && input !== null) {
    const replaced = state.replace(input);
    if (replaced !== input) {
      // The original stands for its replacement among the ancestors, so a cycle through it ends.
      if (state.ancestors.has(input)) return '"[Circular]"';
      state.ancestors.add(input);
      try {
        return writeValue(replaced, key, state);
      } finally {
        state.ancestors.delete(input);
      }
    }
  }
  const value = toJsonForm(input, key);
  const ancestors = state.ancestors;
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
      return Number.isFinite(value) ? String(value) : "null";
    case "boolean":
      return value ? "true" : "false";
    case "bigint":
      return `"${value.toString()}"`;
    case "object":
      if (value === null) return "null";
      if (ancestors.has(value)) return '"[Circular]"';
      ancestors.add(value);
      try {
        return Array.isArray(value) ? writeArray(value, state) : writeObject(value, state);
      } finally {
        ancestors.delete(value);
      }
    default:
      return undefined; // undefined, functions, symbols
  }
}

/** What JSON.stringify would serialize in place of `value`: toJSON's result, unboxed primitives, Errors as plain objects. */
function toJsonForm(value: unknown, key: string): unknown {
  let result = value;
  if ((typeof result === "object" && result !== null) || typeof result === "bigint") {
    const toJSON = (result as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === "function") result = toJSON.call(result, key);
  }
  if (result instanceof Error) return errorToJson(result);
  if (result instanceof Number || result instanceof String || result instanceof Boolean)
    return result.valueOf();
  return result;
}

function errorToJson(error: Error): { name: string; message: string; code?: unknown } {
  const code: unknown = Reflect.get(error, "code");
  return code === undefined
    ? { name: error.name, message: error.message }
    : { name: error.name, message: error.message, code };
}

function writeArray(items: readonly unknown[], state: WriteState): string {
  const parts: string[] = [];
  for (let i = 0; i < items.length; i++) parts.push(writeValue(items[i], String(i), state) ?? "null");
  return `[${parts.join(",")}]`;
}

function writeObject(record: object, state: WriteState): string {
  const parts: string[] = [];
  for (const key of Object.keys(record)) {
    const text = writeValue((record as Record<string, unknown>)[key], key, state);
    if (text !== undefined) parts.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${parts.join(",")}}`;
}
