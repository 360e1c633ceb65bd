import { isAbortError } from "./abort-error.js";
import { ERROR_STATUS } from "./error-status.js";
import { RivuletError, type RivuletErrorCode } from "./rivulet-error.js";

/**
 * How a failure is described on the wire (an SSE `error` frame, a server's error body): the
 * stable `code`, the error class's `name`, a `message` safe to show the caller, and the HTTP
 * `status` for the code. Plain strings and a number, so `JSON.stringify` always succeeds; no
 * stack, no `cause`, no other fields of the error.
 */
export interface ErrorPayload {
  readonly code: RivuletErrorCode;
  readonly name: string;
  readonly message: string;
  readonly status: number;
}

/** Options of {@link errorPayload}. */
export interface ErrorPayloadOptions {
  /**
   * Send every error's own message: a non-Rivulet error's name and message, and a provider's
   * or missing-key error's full text, instead of the masked ones. Off by default: those messages
   * come from user code, libraries and upstream servers, and may reveal internals (hosts, paths,
   * a masked key, the server's configuration). Turn it on for development only.
   */
  exposeMessages?: boolean;
}

const INTERNAL_MESSAGE = "Internal error";

/**
 * Describes any thrown value as an {@link ErrorPayload}. A Rivulet error keeps its code, name
 * and message (written by Rivulet to say what to fix), except a provider error (its message
 * quotes the upstream server: "The model provider failed (HTTP 429)" instead) and a missing
 * API key (the server's configuration); a code this copy does not know (a newer copy of the
 * package) becomes `internal`. A DOM `AbortError` or `TimeoutError` becomes
 * `aborted` or `timeout` with a fixed message. Anything else (another `Error`, a string, any
 * value) is `internal`, status 500, with a generic name and message unless
 * `exposeMessages` is set. Never throws, whatever it is given.
 *
 * @example
 * errorPayload(new TimeoutError(1000));
 * // { code: "timeout", name: "TimeoutError", message: "The run timed out after 1000 ms (total timeout)", status: 504 }
 * errorPayload(new TypeError("x is undefined")); // { code: "internal", name: "Error", message: "Internal error", status: 500 }
 */
export function errorPayload(error: unknown, options: ErrorPayloadOptions = {}): ErrorPayload {
  try {
    return describe(error, options.exposeMessages === true);
  } catch {
    // A value whose prototype or fields cannot be read (a revoked proxy, a throwing trap).
    return payload("internal", "Error", INTERNAL_MESSAGE);
  }
}

function describe(error: unknown, exposeMessages: boolean): ErrorPayload {
  if (RivuletError.isInstance(error)) {
    const code = knownCode(readString(error, "code")) ?? "internal";
    const name = readString(error, "name") ?? "RivuletError";
    const message = readString(error, "message") ?? INTERNAL_MESSAGE;
    const shown = exposeMessages ? message : maskedMessage(code, error, message);
    return code === "request_refused" ? refusedPayload(error, name, shown) : payload(code, name, shown);
  }
  if (error instanceof Error && isAbortError(error)) {
    return readString(error, "name") === "TimeoutError"
      ? payload("timeout", "TimeoutError", "The run timed out")
      : payload("aborted", "AbortError", "The run was aborted");
  }
  if (exposeMessages) return exposed(error);
  return payload("internal", "Error", INTERNAL_MESSAGE);
}

/** A Rivulet error's message as a client may see it: upstream and configuration text masked. */
function maskedMessage(code: RivuletErrorCode, error: object, message: string): string {
  if (code === "missing_api_key") return "The server has no API key configured for its model provider";
  if (code === "remote") {
    const status = Reflect.get(error, "status");
    const shown = typeof status === "number" && Number.isInteger(status) ? ` (HTTP ${status})` : "";
    return `A remote runnable failed${shown}`;
  }
  if (code !== "provider") return message;
  const status = Reflect.get(error, "status");
  const shown = typeof status === "number" && Number.isInteger(status) ? ` (HTTP ${status})` : "";
  const retry = Reflect.get(error, "retryable") === true ? "; trying again later may work" : "";
  return `The model provider failed${shown}${retry}`;
}

/** An `HttpError`'s payload: its own client-error status (401, 403, 429), not the table's fallback. */
function refusedPayload(error: object, name: string, message: string): ErrorPayload {
  const status: unknown = Reflect.get(error, "status");
  const own = typeof status === "number" && Number.isInteger(status) && status >= 400 && status <= 499;
  return own ? { code: "request_refused", name, message, status } : payload("request_refused", name, message);
}

function payload(code: RivuletErrorCode, name: string, message: string): ErrorPayload {
  return { code, name, message, status: ERROR_STATUS[code].status };
}

/** A non-Rivulet value's own name and message (`String(value)` for a non-Error). */
function exposed(error: unknown): ErrorPayload {
  if (error instanceof Error) {
    return payload("internal", readString(error, "name") ?? "Error", readString(error, "message") ?? "");
  }
  let message: string;
  try {
    message = String(error);
  } catch {
    message = INTERNAL_MESSAGE; // Object.create(null), a throwing toString: no string form
  }
  return payload("internal", "Error", message);
}

function knownCode(code: string | undefined): RivuletErrorCode | undefined {
  return code !== undefined && isRivuletErrorCode(code) ? code : undefined;
}

function isRivuletErrorCode(code: string): code is RivuletErrorCode {
  return Object.hasOwn(ERROR_STATUS, code);
}

/** `value[key]` when it is a string; undefined when it is not, or when reading it throws (a getter, a proxy). */
function readString(value: object, key: string): string | undefined {
  try {
    const field: unknown = Reflect.get(value, key);
    return typeof field === "string" ? field : undefined;
  } catch {
    return undefined;
  }
}
