import { hasMarker, RivuletError, type RivuletErrorOptions } from "./rivulet-error.js";

const HTTP_ERROR = Symbol.for("rivulet.error.HttpError");

/** Fields of an {@link HttpError}. */
export interface HttpErrorFields extends RivuletErrorOptions {
  /** The status the server answers with: a client error (400 to 499). */
  status: number;
  /** Response headers to add (a `WWW-Authenticate` challenge with a 401, say). */
  headers?: Record<string, string> | undefined;
}

/**
 * A request refused with an HTTP status: what a server's `perRequestConfig` hook throws to refuse
 * a request (401 without credentials, 403 for a tenant that may not use the route, 429 over a
 * quota), and what the server itself throws for a body that is too large (413). Its code is
 * `request_refused`, its own `status` decides the answer (and the `status_code` of an SSE
 * `error` frame), and its message is sent as the body's `detail`, so write it for the caller.
 *
 * @example
 * serve(chain, {
 *   perRequestConfig: (config, request) => {
 *     if (request.headers.get("authorization") !== `Bearer ${token}`)
 *       throw new HttpError("Send a valid bearer token", { status: 401 });
 *     return config;
 *   },
 * });
 */
export class HttpError extends RivuletError {
  /** Marks instances of this class for `isInstance` (see `RivuletError`). */
  readonly [HTTP_ERROR] = true;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;

  constructor(message: string, fields: HttpErrorFields) {
    super("request_refused", message, fields);
    if (!Number.isInteger(fields.status) || fields.status < 400 || fields.status > 499) {
      throw new RangeError(
        `HttpError: status must be a client error from 400 to 499, got ${String(fields.status)}; ` +
          "let other failures propagate and the server maps them to 5xx.",
      );
    }
    this.status = fields.status;
    this.headers = checkedHeaders(fields.headers ?? {});
  }

  static override isInstance = hasMarker<HttpError>(HTTP_ERROR);
}

const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * The headers, checked here rather than when the server answers: a value with CR, LF or NUL (a
 * realm built from a request header, say) would otherwise make the server's answer throw, and the
 * request would get no response at all.
 */
function checkedHeaders(headers: Record<string, string>): Record<string, string> {
  const checked: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!HEADER_NAME.test(name) || typeof value !== "string" || /[\r\n\0]/.test(value)) {
      throw new RangeError(
        `HttpError: header ${JSON.stringify(name)}: ${JSON.stringify(value)} is not a valid HTTP header ` +
          "(a token name, and a string value without CR, LF or NUL).",
      );
    }
    checked[name] = value;
  }
  return checked;
}
