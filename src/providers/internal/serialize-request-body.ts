import { InvalidConfigError } from "../../errors/input-errors.js";

function describeNumber(value: number): string {
  return Number.isNaN(value) ? "NaN" : String(value);
}

/**
 * The JSON text of a request body. JSON has no NaN or Infinity and `JSON.stringify` silently
 * writes them as `null`, so a number the user gave (in `modelKwargs`, `invocationKwargs`,
 * Ollama's `options`, `thinking`...) would be lost without a word; such a number is an
 * `InvalidConfigError` naming its field instead, before anything is sent.
 */
export function serializeRequestBody(body: unknown): string {
  return JSON.stringify(body, (key, value: unknown) => {
    if (typeof value === "number" && !Number.isFinite(value)) {
      throw new InvalidConfigError(
        `The request field "${key}" is ${describeNumber(value)}, which JSON cannot carry (it would be sent as null): pass a finite number or leave the field out`,
      );
    }
    return value;
  });
}
