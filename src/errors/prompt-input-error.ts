import { hasMarker, RivuletError, type RivuletErrorOptions } from "./rivulet-error.js";

/** What a {@link PromptInputError} reports: the variables that had no value and the ones the input had. */
export interface PromptInputErrorFields extends RivuletErrorOptions {
  missing: string[];
  given: string[];
  /** The prompt's variables, named in the default message. Defaults to `missing`. */
  expected?: string[];
  /** Replaces the default message (for problems other than a missing value). */
  message?: string;
}

function quoteList(names: readonly string[]): string {
  return names.map((n) => `"${n}"`).join(", ");
}

function listOrNone(names: readonly string[], none: string): string {
  return names.length === 0 ? none : names.join(", ");
}

/** The default message: which variables are missing, what the prompt expects, what the input has, what to do. */
function describeMissing(
  missing: readonly string[],
  given: readonly string[],
  expected: readonly string[],
): string {
  const head =
    missing.length === 1
      ? `Missing value for prompt variable ${quoteList(missing)}.`
      : `Missing values for prompt variables ${quoteList(missing)}.`;
  const pass = missing.map((n) => `${n}: ...`).join(", ");
  return (
    `${head} The prompt expects: ${listOrNone(expected, "no variables")}; ` +
    `the input has: ${listOrNone(given, "no variables")}. Pass { ${pass} } or use partial().`
  );
}

const PROMPT_INPUT_ERROR = Symbol.for("rivulet.error.PromptInputError");

/**
 * A prompt template was formatted with input it cannot use: a variable has no value, the input is
 * not an object of variables, or a messages placeholder got something other than a list of
 * messages. `missing` names the variables that had no value (empty when the problem is another
 * one) and `given` the keys the input had, so callers can report or fix the input.
 *
 * @example
 * try { await prompt.invoke({ subject: "cats" }); }
 * catch (e) { if (PromptInputError.isInstance(e)) console.log(e.missing); } // ["topic"]
 */
export class PromptInputError extends RivuletError {
  /** Marks instances of this class for `isInstance` (see {@link RivuletError}). */
  readonly [PROMPT_INPUT_ERROR] = true;
  readonly missing: string[];
  readonly given: string[];

  constructor(fields: PromptInputErrorFields) {
    const message =
      fields.message ?? describeMissing(fields.missing, fields.given, fields.expected ?? fields.missing);
    super("prompt_input", message, fields.cause === undefined ? {} : { cause: fields.cause });
    this.missing = fields.missing;
    this.given = fields.given;
  }

  static override isInstance = hasMarker<PromptInputError>(PROMPT_INPUT_ERROR);
}
