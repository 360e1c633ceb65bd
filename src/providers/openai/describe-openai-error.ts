import type { ErrorDescription } from "../internal/describe-error-body.js";
import { isNonArrayObject, stringOf } from "../internal/json-value.js";

/**
 * Reads an OpenAI (or OpenAI-compatible) error payload: `{ error: { message, type, code } }`
 * from OpenAI, `{ object: "error", message, type }` from vLLM, or plain text.
 */
export function describeOpenAIError(body: unknown): ErrorDescription {
  if (typeof body === "string") return { message: body.slice(0, 500) };
  if (!isNonArrayObject(body)) return {};
  const error = isNonArrayObject(body.error) ? body.error : body;
  const code = typeof error.code === "number" ? String(error.code) : stringOf(error.code);
  return {
    message: stringOf(error.message) ?? stringOf(body.error),
    type: stringOf(error.type) ?? code,
  };
}
