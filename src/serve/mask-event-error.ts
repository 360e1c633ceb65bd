import { type ErrorPayloadOptions, errorPayload } from "../errors/error-payload.js";
import { isPlainObject } from "../internal/is-plain-object.js";

/**
 * A failed run's event (`on_tool_error`: a tool's failure the agent handled) with its
 * `data.error` masked as the terminal error frame is, unless the server exposes errors. Errors a
 * runnable returns in its output are its data and are written as they are.
 */
export function maskEventError(value: unknown, errors: ErrorPayloadOptions): unknown {
  if (errors.exposeMessages === true || !isPlainObject(value)) return value;
  const data = value.data;
  if (typeof value.event !== "string" || !value.event.endsWith("_error") || !isPlainObject(data))
    return value;
  // An Error, or one a store kept as its JSON (`{ name, message }`): both carry the raw message.
  const error = data.error;
  const isError = error instanceof Error || (isPlainObject(error) && typeof error.message === "string");
  if (!isError) return value;
  const payload = errorPayload(
    error instanceof Error ? error : new Error(String(Reflect.get(Object(error), "message"))),
    errors,
  );
  return {
    ...value,
    data: { ...data, error: { name: payload.name, message: payload.message, code: payload.code } },
  };
}
