import type { ErrorDescription } from "../internal/describe-error-body.js";
import { isNonArrayObject, stringOf } from "../internal/json-value.js";

/**
 * Reads an Ollama error payload, `{ "error": "model 'x' not found" }`, the OpenAI-style
 * `{ "error": { "message", "type" } }` of a gateway in front of it, or plain text.
 */
export function describeOllamaError(body: unknown): ErrorDescription {
  if (typeof body === "string") return { message: body.slice(0, 500) };
  if (!isNonArrayObject(body)) return {};
  if (isNonArrayObject(body.error))
    return { message: stringOf(body.error.message), type: stringOf(body.error.type) };
  return { message: stringOf(body.error) };
}
