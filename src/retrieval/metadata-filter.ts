import { isPlainObject } from "../messages/merge-objects.js";
import type { Document } from "./document.js";

/**
 * Keeps documents whose metadata contains these entries: `{ source: "a" }` matches metadata
 * `{ source: "a", page: 2 }`. Nested objects and arrays match by containment (`{ tags: ["x"] }`
 * matches `tags: ["x", "y"]`), scalars by equality: the semantics of PostgreSQL's `jsonb @>`,
 * so every store filters alike. Every store supports it.
 */
export type MetadataFilter = Record<string, unknown>;

/** Keeps the documents for which the function returns true. Only `MemoryVectorStore` supports it. */
export type DocumentPredicate = (doc: Document) => boolean;

function valueMatches(actual: unknown, expected: unknown): boolean {
  if (isPlainObject(expected)) {
    return isPlainObject(actual) && Object.entries(expected).every(([k, v]) => valueMatches(actual[k], v));
  }
  if (Array.isArray(expected)) {
    // As in jsonb: every expected element is matched by some element of the actual array.
    return Array.isArray(actual) && expected.every((v) => actual.some((a) => valueMatches(a, v)));
  }
  return Object.is(actual, expected);
}

/** Whether a document passes a filter (no filter: every document passes). */
export function matchesFilter(
  doc: Document,
  filter: MetadataFilter | DocumentPredicate | undefined,
): boolean {
  if (filter === undefined) return true;
  if (typeof filter === "function") return filter(doc);
  return valueMatches(doc.metadata, filter);
}
