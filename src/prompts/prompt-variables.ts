import { PromptInputError } from "../errors/prompt-input-error.js";
import { isPlainObject } from "../internal/is-plain-object.js";
import { defineOwn, ownEntries, ownValue } from "./own-values.js";

/** The variables a prompt is formatted with, by name. */
export type InputValues = Record<string, unknown>;

/**
 * Values fixed in advance with `partial()`. A function is called each time the prompt is
 * formatted (and awaited when it returns a promise), for values such as the current date.
 *
 * @example
 * await prompt.partial({ date: () => new Date().toDateString() });
 */
export type PartialValues = Record<string, unknown>;

/** A short description of a value's kind for error messages ("a string", "an array", "a Date instance"). */
export function describeInput(input: unknown): string {
  if (input === null) return "null";
  if (Array.isArray(input)) return "an array";
  return typeof input === "object"
    ? `a ${input.constructor?.name ?? "object"} instance`
    : `a ${typeof input}`;
}

/**
 * The variables record for a prompt's input. An object is taken as is; any other value is
 * accepted when the prompt has exactly one variable (it becomes that variable's value), as
 * LangChain does; otherwise the input is a {@link PromptInputError}.
 */
export function toInputValues(input: unknown, inputVariables: readonly string[]): InputValues {
  if (isPlainObject(input)) return input;
  const [only] = inputVariables;
  if (inputVariables.length === 1 && only !== undefined && input !== undefined) return { [only]: input };
  const names = inputVariables.length === 0 ? "no variables" : inputVariables.join(", ");
  const pass = inputVariables.map((n) => `${n}: ...`).join(", ");
  throw new PromptInputError({
    missing: [...inputVariables],
    given: [],
    message:
      `A prompt takes an object of variables; got ${describeInput(input)}. The prompt expects: ${names}. ` +
      (inputVariables.length > 1 ? `Pass { ${pass} }.` : "Pass an object."),
  });
}

/**
 * Partial values first, the caller's values over them; function partials are called (and
 * awaited). Own properties only, each defined (not assigned), so `__proto__` is a name like any other.
 */
export async function mergePartialValues(partials: PartialValues, values: InputValues): Promise<InputValues> {
  const merged: InputValues = {};
  for (const [key, value] of ownEntries(partials)) {
    defineOwn(merged, key, typeof value === "function" ? await (value as () => unknown)() : value);
  }
  for (const [key, value] of ownEntries(values)) {
    if (value !== undefined) defineOwn(merged, key, value);
  }
  return merged;
}

/**
 * Throws a {@link PromptInputError} when a required variable has no own value (`undefined`
 * counts as none; an inherited `constructor` or `toString` is no value).
 */
export function assertNoMissing(required: readonly string[], merged: InputValues, given: InputValues): void {
  const missing = required.filter((name) => ownValue(merged, name) === undefined);
  if (missing.length === 0) return;
  throw new PromptInputError({ missing, given: Object.keys(given), expected: [...required] });
}
