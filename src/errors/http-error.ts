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
    this.headers = { ...fields.headers };
  }

  static override isInstance = hasMarker<HttpError>(HTTP_ERROR);
}
