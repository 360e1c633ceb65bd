import { InvalidInputError } from "../errors/input-errors.js";
import { isNonArrayObject } from "../internal/is-non-array-object.js";
import { describeWrongValue } from "./describe-wrong-value.js";
import type { UsageMetadata } from "./usage-metadata.js";

const SHAPE =
  "{ input_tokens, output_tokens, total_tokens } (numbers), with optional input_token_details and output_token_details objects";
const COUNTS = ["input_tokens", "output_tokens", "total_tokens"] as const;
const DETAILS = ["input_token_details", "output_token_details"] as const;

function checkDetails(usage: Readonly<Record<string, unknown>>, field: (typeof DETAILS)[number]): void {
  const details = usage[field];
  if (details === undefined) return;
  if (!isNonArrayObject(details)) {
    throw new InvalidInputError(
      `usage_metadata.${field} must be an object of token counts (e.g. { cache_read: 3 }), got ${describeWrongValue(details)}.`,
    );
  }
  for (const [key, count] of Object.entries(details)) {
    if (count === undefined || typeof count === "number") continue;
    throw new InvalidInputError(
      `usage_metadata.${field}.${key} must be a number (a token count), got ${describeWrongValue(count)}.`,
    );
  }
}

/**
 * Checks the shape of `usage_metadata` where a message is built: an object whose three counts are
 * numbers and whose detail objects, when present, hold numbers. A wrong shape (`null`, a count
 * missing or given as a string, details that are not an object) is an `InvalidInputError` naming
 * the field, instead of a `TypeError` or a `NaN` in the sums `concat` makes. The values
 * themselves (NaN, negative, fractional) are checked by `checkUsageMetadata`.
 *
 * @example
 * checkUsageMetadataShape({ input_tokens: 3, output_tokens: 1, total_tokens: 4 }); // returned as is
 * checkUsageMetadataShape(JSON.parse('{"input_tokens": "3"}')); // throws InvalidInputError
 */
export function checkUsageMetadataShape(usage: UsageMetadata): UsageMetadata {
  // Typed for callers; read as unknown, since plain JavaScript and parsed JSON reach it too.
  const value: unknown = usage;
  if (!isNonArrayObject(value)) {
    throw new InvalidInputError(
      `usage_metadata must be an object ${SHAPE}, got ${describeWrongValue(value)}.`,
    );
  }
  for (const field of COUNTS) {
    const count = value[field];
    if (typeof count === "number") continue;
    const got = count === undefined ? "nothing" : describeWrongValue(count);
    throw new InvalidInputError(`usage_metadata.${field} must be a number (a token count), got ${got}.`);
  }
  for (const field of DETAILS) checkDetails(value, field);
  return usage;
}
