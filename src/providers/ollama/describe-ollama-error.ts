import type { ErrorDescription } from "../internal/describe-error-body.js";
import { isRecord, stringOf } from "../internal/json-value.js";

/** Reads an Ollama error payload, `{ "error": "model 'x' not found" }`, or plain text. */
export function describeOllamaError(body: unknown): ErrorDescription {
  if (typeof body === "string") return { message: body.slice(0, 500) };
  return isRecord(body) ? { message: stringOf(body.error) } : {};
}
