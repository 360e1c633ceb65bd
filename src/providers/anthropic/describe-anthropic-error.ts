import type { ErrorDescription } from "../internal/describe-error-body.js";
import { isNonArrayObject, stringOf } from "../internal/json-value.js";

/** Reads an Anthropic error payload, `{ type: "error", error: { type, message } }`, or plain text. */
export function describeAnthropicError(body: unknown): ErrorDescription {
  if (typeof body === "string") return { message: body.slice(0, 500) };
  if (!isNonArrayObject(body)) return {};
  const error = isNonArrayObject(body.error) ? body.error : body;
  return { message: stringOf(error.message), type: stringOf(error.type) };
}
