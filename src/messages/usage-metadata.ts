import { checkNumberOption } from "../internal/check-number-option.js";
/** Input-token breakdown. Each count is part of `input_tokens`, not in addition to it. */
export interface InputTokenDetails {
  audio?: number;
  cache_creation?: number;
  cache_read?: number;
}

/** Output-token breakdown. Each count is part of `output_tokens`, not in addition to it. */
export interface OutputTokenDetails {
  audio?: number;
  reasoning?: number;
}

/**
 * Token counts reported by a chat model. Streaming models report them in pieces (input on the first
 * chunk, output on the last); concatenating chunks adds the pieces up.
 *
 * @example
 * const usage: UsageMetadata = { input_tokens: 14, output_tokens: 4, total_tokens: 18 };
 */
export interface UsageMetadata {
  input_tokens: number;
  output_tokens: number;
  total_tokens: number;
  input_token_details?: InputTokenDetails;
  output_token_details?: OutputTokenDetails;
}

type Details = Readonly<Record<string, number | undefined>>;

function checkDetails<T extends object>(prefix: string, details: T | undefined): void;
function checkDetails(prefix: string, details: Details | undefined): void {
  if (details === undefined) return;
  for (const [key, count] of Object.entries(details)) {
    checkNumberOption(`usage_metadata.${prefix}.${key}`, count, "non-negative-integer");
  }
}

/**
 * Checks the token counts where a message is built and returns them unchanged: a NaN or
 * negative count (a provider field read wrong) would otherwise poison every sum that
 * concatenating chunks makes. Throws the `InvalidConfigError` of `checkNumberOption`.
 */
export function checkUsageMetadata(usage: UsageMetadata): UsageMetadata {
  checkNumberOption("usage_metadata.input_tokens", usage.input_tokens, "non-negative-integer");
  checkNumberOption("usage_metadata.output_tokens", usage.output_tokens, "non-negative-integer");
  checkNumberOption("usage_metadata.total_tokens", usage.total_tokens, "non-negative-integer");
  checkDetails("input_token_details", usage.input_token_details);
  checkDetails("output_token_details", usage.output_token_details);
  return usage;
}

/**
 * A copy by `Object.assign`, not a spread: keys added to a spread-built object are slow on Node
 * 20's V8. An own `__proto__` key (parsed JSON) takes the spread, which keeps it a key.
 */
function copyDetails(details: Details): Record<string, number | undefined> {
  return Object.hasOwn(details, "__proto__") ? { ...details } : Object.assign({}, details);
}

function addDetails<T extends object>(left: T | undefined, right: T | undefined): T | undefined;
function addDetails(left: Details | undefined, right: Details | undefined): Details | undefined {
  if (left === undefined) return right === undefined ? undefined : copyDetails(right);
  if (right === undefined) return copyDetails(left);
  const sum = copyDetails(left);
  for (const key in right) {
    if (!Object.hasOwn(right, key)) continue;
    const value = right[key];
    if (value === undefined) continue;
    sum[key] = (sum[key] ?? 0) + value;
  }
  return sum;
}

/**
 * Adds two usage reports, including the nested detail counts. Either side may be missing; the
 * result is a new object (operands are never changed).
 */
export function mergeUsageMetadata(
  left: UsageMetadata | undefined,
  right: UsageMetadata | undefined,
): UsageMetadata | undefined {
  if (left === undefined && right === undefined) return undefined;
  const a = left ?? { input_tokens: 0, output_tokens: 0, total_tokens: 0 };
  const b = right ?? { input_tokens: 0, output_tokens: 0, total_tokens: 0 };
  const merged: UsageMetadata = {
    input_tokens: a.input_tokens + b.input_tokens,
    output_tokens: a.output_tokens + b.output_tokens,
    total_tokens: a.total_tokens + b.total_tokens,
  };
  const input = addDetails(a.input_token_details, b.input_token_details);
  if (input !== undefined) merged.input_token_details = input;
  const output = addDetails(a.output_token_details, b.output_token_details);
  if (output !== undefined) merged.output_token_details = output;
  return merged;
}
