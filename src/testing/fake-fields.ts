import { InvalidConfigError } from "../errors/input-errors.js";
import { checkNumberOption } from "../internal/check-number-option.js";

/** The fields of the fakes that can be wrong in ways their types do not prevent. */
export interface CheckedFakeFields {
  sleep?: number | undefined;
  delay?: unknown;
  chunking?: unknown;
  responses?: unknown;
}

/**
 * Checks a fake's fields at construction, so a mistake fails where it was made: a NaN or
 * negative `sleep` (NaN is what `Number(process.env.X)` gives when X is unset) used to be a 1 ms
 * or no wait, an empty `responses` list an empty answer on every call, an unknown `chunking` a
 * word split. `sleep` may be `Infinity`: the fake then never answers until its call is
 * cancelled, which is how timeouts and aborts are tested.
 */
export function checkFakeFields(fields: CheckedFakeFields): void {
  checkNumberOption("sleep", fields.sleep, "non-negative-duration");
  if (fields.delay !== undefined && typeof fields.delay !== "function") {
    throw new InvalidConfigError(
      `delay must be a function (ms, signal) => Promise<void>, got ${typeof fields.delay}`,
    );
  }
  const { chunking, responses } = fields;
  if (chunking !== undefined && chunking !== "char" && chunking !== "word") {
    throw new InvalidConfigError(`chunking must be "char" or "word", got ${JSON.stringify(chunking)}`);
  }
  if (!("responses" in fields)) return;
  if (!Array.isArray(responses) || responses.length === 0) {
    throw new InvalidConfigError(
      'responses must be a non-empty array of strings (the answers given in turn); for an empty answer pass [""]',
    );
  }
  responses.forEach((response: unknown, i) => {
    if (typeof response !== "string") {
      throw new InvalidConfigError(`responses[${i}] must be a string, got ${typeof response}`);
    }
  });
}
