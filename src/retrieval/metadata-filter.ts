import { isPlainObject } from "../internal/is-plain-object.js";
import type { Document } from "./document.js";

/**
 * Keeps documents whose metadata contains these entries, with the semantics of PostgreSQL's
 * `jsonb @>` so every store filters alike: `{ source: "a" }` matches metadata
 * `{ source: "a", page: 2 }`; a nested object matches an object value containing it; an array
 * matches an array value holding every element given (in any order, duplicates ignored);
 * scalars match an equal value of the same type (`0` equals `-0`, `false` is not `0`, `null`
 * matches a stored `null` but not a missing key). Values must be JSON: `undefined`, NaN, BigInt,
 * functions and class instances are rejected with an `InvalidInputError` at the call.
 */
export type MetadataFilter = Record<string, unknown>;

/** Keeps the documents for which the function returns true. Only `MemoryVectorStore` supports it. */
export type DocumentPredicate = (doc: Document) => boolean;

function isContainer(value: unknown): boolean {
  return Array.isArray(value) || isPlainObject(value);
}

/** Whether `actual` contains `expected`, as `jsonb @>` decides below the top level. */
function contains(actual: unknown, expected: unknown): boolean {
  if (isPlainObject(expected)) {
    return (
      isPlainObject(actual) &&
      Object.entries(expected).every(
        ([key, value]) => Object.hasOwn(actual, key) && contains(actual[key], value),
      )
    );
  }
  if (Array.isArray(expected)) {
    // A scalar element is looked for among the scalars of the array, a container element among
    // its containers (never one level further down): jsonb's rule.
    return (
      Array.isArray(actual) &&
      expected.every((item) =>
        actual.some((candidate) => isContainer(candidate) === isContainer(item) && contains(candidate, item)),
      )
    );
  }
  return scalarEquals(actual, expected);
}

/** JSON scalar equality; anything that is not a JSON scalar matches nothing (fails closed). */
function scalarEquals(actual: unknown, expected: unknown): boolean {
  if (typeof expected === "number") return Number.isFinite(expected) && actual === expected;
  if (typeof expected === "string" || typeof expected === "boolean" || expected === null) {
    return actual === expected;
  }
  return false;
}

/** Whether stored metadata contains a metadata filter (`jsonb @>`); what `matchesFilter` runs for objects. */
export function metadataMatches(metadata: Record<string, unknown>, filter: MetadataFilter): boolean {
  return contains(metadata, filter);
}

/**
 * Whether a document passes a filter (no filter: every document passes). Stores check filters
 * first (`checkMetadataFilter`); called directly with a value JSON cannot hold, such as
 * `undefined`, the entry matches nothing rather than everything.
 */
export function matchesFilter(
  doc: Document,
  filter: MetadataFilter | DocumentPredicate | undefined,
): boolean {
  if (filter === undefined) return true;
  if (typeof filter === "function") return filter(doc);
  return metadataMatches(doc.metadata, filter);
}
