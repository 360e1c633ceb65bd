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
export function serializeEventData(value: unknown): string {
  return writeValue(value, "", new Set()) ?? "null";
}

/** Returns the JSON text of `value`, or `undefined` where JSON.stringify would omit it. */
function writeValue(input: unknown, key: string, ancestors: Set<object>): string | undefined {
  const value = toJsonForm(input, key);
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
        return Array.isArray(value) ? writeArray(value, ancestors) : writeObject(value, ancestors);
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

function writeArray(items: readonly unknown[], ancestors: Set<object>): string {
  const parts: string[] = [];
  for (let i = 0; i < items.length; i++) parts.push(writeValue(items[i], String(i), ancestors) ?? "null");
  return `[${parts.join(",")}]`;
}

function writeObject(record: object, ancestors: Set<object>): string {
  const parts: string[] = [];
  for (const key of Object.keys(record)) {
    const text = writeValue((record as Record<string, unknown>)[key], key, ancestors);
    if (text !== undefined) parts.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${parts.join(",")}}`;
}
