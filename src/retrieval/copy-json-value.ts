import { InvalidInputError } from "../errors/input-errors.js";
import { isPlainObject } from "../internal/is-plain-object.js";
import { checkStoreText } from "./check-store-text.js";

/** What a JSON value is checked for: a search filter or metadata to store (the advice differs). */
export type JsonValueUse = "filter" | "metadata";

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

const UNDEFINED_ADVICE: Record<JsonValueUse, string> = {
  filter: "use null to match documents whose value is null, or remove the key to not filter on it",
  metadata: "use null to store an empty value, or remove the key",
};

/** `path.key` for identifier keys, `path["odd key"]` otherwise. */
function childPath(path: string, key: string): string {
  return IDENTIFIER.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

function reject(path: string, problem: string, advice: string): never {
  throw new InvalidInputError(`${path} ${problem}: ${advice}`);
}

/** Why a value that is not a string, finite number, boolean, null, array or plain object is refused. */
function rejectNonJson(value: unknown, path: string, use: JsonValueUse): never {
  const kinds = "JSON values only (strings, finite numbers, booleans, null, arrays, plain objects)";
  if (value === undefined) return reject(path, "is undefined", UNDEFINED_ADVICE[use]);
  if (typeof value === "number") {
    return reject(path, `is ${value}, which JSON cannot represent`, "use a finite number, or null");
  }
  if (typeof value === "bigint") {
    return reject(path, "is a BigInt, which JSON cannot represent", "use a number (if safe) or a string");
  }
  if (typeof value === "function" || typeof value === "symbol") {
    return reject(path, `is a ${typeof value}`, `${use === "filter" ? "filters" : "metadata"} hold ${kinds}`);
  }
  if (value instanceof Date) {
    return reject(path, "is a Date", "store and filter it as a string (date.toISOString()) or a number");
  }
  const name = typeof value === "object" && value !== null ? value.constructor?.name : undefined;
  return reject(path, `is a ${name ?? "non-plain object"}`, `use a plain object or an array: ${kinds}`);
}

/**
 * Checks that `value` is JSON, the only thing every store keeps and compares alike, and returns
 * a copy of it as stores hold it (`-0` becomes `0`, as in JSON and PostgreSQL). Refuses, with an
 * `InvalidInputError` naming the path (`filter.tenant`, `docs[2].metadata.tags[0]`): undefined
 * (a filter on an unset variable must not match every document), NaN and ±Infinity, BigInt,
 * functions, symbols (as values or keys), Dates and other class instances, sparse arrays, cycles,
 * and strings with NUL or lone surrogates. A copy also means later changes by the caller do not
 * reach what a store holds.
 *
 * @example
 * const metadata = copyJsonValue(doc.metadata, "docs[0].metadata", "metadata");
 */
export function copyJsonValue(value: unknown, path: string, use: JsonValueUse): unknown {
  return copy(value, path, use, new Set());
}

function copy(value: unknown, path: string, use: JsonValueUse, ancestors: Set<object>): unknown {
  if (value === null || typeof value === "boolean") return value;
  if (typeof value === "string") {
    checkStoreText(value, path);
    return value;
  }
  if (typeof value === "number" && Number.isFinite(value)) return value === 0 ? 0 : value;
  if (Array.isArray(value) || isPlainObject(value)) {
    if (ancestors.has(value))
      reject(path, "refers back to an object that contains it (a cycle)", "JSON cannot hold cycles");
    ancestors.add(value);
    const copied = Array.isArray(value)
      ? copyArray(value, path, use, ancestors)
      : copyObject(value, path, use, ancestors);
    ancestors.delete(value);
    return copied;
  }
  return rejectNonJson(value, path, use);
}

function copyArray(value: unknown[], path: string, use: JsonValueUse, ancestors: Set<object>): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < value.length; i++) {
    const itemPath = `${path}[${i}]`;
    if (!(i in value)) reject(itemPath, "is an empty slot of a sparse array", "fill it (null) or remove it");
    out.push(copy(value[i], itemPath, use, ancestors));
  }
  return out;
}

function copyObject(
  value: Record<string, unknown>,
  path: string,
  use: JsonValueUse,
  ancestors: Set<object>,
): Record<string, unknown> {
  const symbol = Object.getOwnPropertySymbols(value)[0];
  if (symbol !== undefined)
    reject(path, `has a symbol key ${String(symbol)}`, "use string keys (JSON has no others)");
  // Entries become own properties, "__proto__" included, without touching any prototype.
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => {
      checkStoreText(key, `${path} key ${JSON.stringify(key)}`);
      return [key, copy(item, childPath(path, key), use, ancestors)];
    }),
  );
}
