import { InvalidConfigError } from "../errors/input-errors.js";

/**
 * The largest delay `setTimeout` honours (2^31 - 1 ms, about 24.8 days). A larger one is clamped
 * to 1 ms by every runtime, so a "long" timeout would fire at once.
 */
export const MAX_TIMER_DELAY_MS = 2_147_483_647;

/**
 * What a numeric option may hold:
 * - `positive-integer`: 1, 2, 3... (counts, concurrency, attempts);
 * - `non-negative-integer`: 0, 1, 2... (retries, offsets);
 * - `positive-number` / `non-negative-number`: any finite number above (or from) zero;
 * - `number` / `integer`: any finite number / any safe integer, negative ones too (penalties, seeds);
 * - `duration`: milliseconds above zero and at most {@link MAX_TIMER_DELAY_MS}, or `Infinity`
 *   for "no deadline";
 * - `non-negative-duration`: the same, 0 allowed (a delay that may be skipped).
 */
export type NumberOptionKind =
  | "positive-integer"
  | "non-negative-integer"
  | "positive-number"
  | "non-negative-number"
  | "number"
  | "integer"
  | "duration"
  | "non-negative-duration";

const DESCRIPTIONS: Record<NumberOptionKind, string> = {
  "positive-integer": "a positive integer",
  "non-negative-integer": "a non-negative integer",
  "positive-number": "a positive finite number",
  "non-negative-number": "a non-negative finite number",
  number: "a finite number",
  integer: "an integer",
  duration: `a number of milliseconds above 0 and at most ${MAX_TIMER_DELAY_MS}, or Infinity for no limit`,
  "non-negative-duration": `a number of milliseconds from 0 to ${MAX_TIMER_DELAY_MS}, or Infinity`,
};

function fits(value: number, kind: NumberOptionKind): boolean {
  switch (kind) {
    case "positive-integer":
      return Number.isSafeInteger(value) && value > 0;
    case "non-negative-integer":
      return Number.isSafeInteger(value) && value >= 0;
    case "positive-number":
      return Number.isFinite(value) && value > 0;
    case "non-negative-number":
      return Number.isFinite(value) && value >= 0;
    case "number":
      return Number.isFinite(value);
    case "integer":
      return Number.isSafeInteger(value);
    case "duration":
      return value === Number.POSITIVE_INFINITY || (value > 0 && value <= MAX_TIMER_DELAY_MS);
    case "non-negative-duration":
      return value === Number.POSITIVE_INFINITY || (value >= 0 && value <= MAX_TIMER_DELAY_MS);
  }
}

function describeValue(value: unknown): string {
  if (typeof value === "number" && Number.isNaN(value)) {
    return "NaN (Number() of an unset or non-numeric environment variable gives NaN)";
  }
  if (typeof value === "string") return `the string ${JSON.stringify(value)}`;
  if (typeof value === "bigint") return `the bigint ${value}n`;
  if (Object.is(value, -0)) return "-0";
  if (typeof value === "object") return value === null ? "null" : "an object";
  if (typeof value === "function") return "a function";
  if (typeof value === "symbol") return "a symbol";
  return String(value);
}

/**
 * Checks one numeric option at the call that receives it and returns it unchanged, or throws an
 * `InvalidConfigError` that names the option, what it accepts and what it got. Options that are
 * `undefined` are not checked (the caller's default applies).
 *
 * @example
 * const maxRetries = checkNumberOption("maxRetries", options.maxRetries, "non-negative-integer") ?? 2;
 */
export function checkNumberOption(
  name: string,
  value: number | undefined,
  kind: NumberOptionKind,
): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "number" && fits(value, kind)) return value;
  throw new InvalidConfigError(`${name} must be ${DESCRIPTIONS[kind]}, got ${describeValue(value)}`);
}
