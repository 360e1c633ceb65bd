import { InvalidInputError } from "../errors/input-errors.js";
import { isPlainObject } from "../internal/is-plain-object.js";
import { copyJsonValue } from "./copy-json-value.js";
import type { MetadataFilter } from "./metadata-filter.js";

/**
 * Checks a metadata filter before any store runs it and returns the copy to run: a plain object
 * of JSON values (see `copyJsonValue` for what is refused and why). Every store and every
 * retriever goes through here, so a filter such as `{ tenant: req.user?.tenant }` with the tenant
 * unset fails the same way everywhere instead of matching every document in one store and none
 * in another.
 *
 * @example
 * const filter = checkMetadataFilter({ tenant: "acme" }); // a copy, safe to hand to SQL
 */
export function checkMetadataFilter(filter: unknown, path = "filter"): MetadataFilter {
  if (!isPlainObject(filter)) {
    const got = filter === null ? "null" : Array.isArray(filter) ? "an array" : `a ${typeof filter}`;
    throw new InvalidInputError(
      `${path} must be a plain object of metadata values such as { source: "a" }, got ${got}: ` +
        "leave the filter out (undefined) to search every document",
    );
  }
  const copied = copyJsonValue(filter, path, "filter");
  // copyJsonValue copies a plain object into a plain object; the check narrows the type.
  if (!isPlainObject(copied)) throw new InvalidInputError(`${path} must be a plain object`);
  return copied;
}
