import { isNonArrayObject } from "../../internal/is-non-array-object.js";
import type { JsonRecord } from "../../models/json-record.js";

// JsonRecord is named in the chat-model base's public signatures, so it is declared with the models.
export type { JsonRecord };
// The guard lives in internal, shared with the message checks; re-exported for the providers.
export { isNonArrayObject };

/** The value if it is a string. */
export function stringOf(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** The value if it is a finite number. */
export function numberOf(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** The value if it is an object, else an empty one (for reading optional nested fields). */
export function recordOf(value: unknown): JsonRecord {
  return isNonArrayObject(value) ? value : {};
}

/** The value if it is an array, else an empty one. */
export function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** `T` with the keys that may be undefined made optional and never undefined. */
export type Compacted<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};

/** A copy of `record` without its undefined values (for `exactOptionalPropertyTypes` and clean JSON). */
export function compact<T extends object>(record: T): Compacted<T> {
  const out: JsonRecord = {};
  for (const [key, value] of Object.entries(record)) if (value !== undefined) out[key] = value;
  return out as Compacted<T>;
}
