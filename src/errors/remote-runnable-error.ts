import { ERROR_STATUS } from "./error-status.js";
import { hasMarker, RivuletError, type RivuletErrorCode } from "./rivulet-error.js";

/** What a {@link RemoteRunnableError} carries besides its message. */
export interface RemoteRunnableErrorFields {
  /** The HTTP status the server answered (or sent in an SSE `error` frame); absent when no answer came. */
  status?: number | undefined;
  /** The error code the server sent (`"provider"`, `"timeout"`...), when it sent one. */
  remoteCode?: string | undefined;
  /** The id of the remote run that failed, when the server said which. */
  runId?: string | undefined;
  /** The server's `detail` (a message, or LangServe's list of `{ loc, msg, type }` issues) or SSE `message`. */
  detail?: unknown;
  cause?: unknown;
}

const REMOTE_RUNNABLE_ERROR = Symbol.for("rivulet.error.RemoteRunnableError");

/**
 * A `RemoteRunnable`'s server answered with an error (an HTTP error status, or an `error` frame in
 * the middle of a stream), or could not be reached. `status` is the HTTP status, `runId` the remote
 * run's id, `detail` what the server said. `code` is the server's own error code when it is one of
 * Rivulet's (a Rivulet server sends `"provider"`, `"timeout"`, `"invalid_input"`...), so a chain
 * that serves a remote one passes the status on; otherwise it is `"remote"` (a 502 when served).
 * `retryable` is true for 5xx statuses, 408/429 and network failures.
 *
 * @example
 * try { await remote.invoke({ topic: "parrots" }); }
 * catch (e) { if (RemoteRunnableError.isInstance(e) && e.status === 401) askForToken(); }
 */
export class RemoteRunnableError extends RivuletError {
  /** Marks instances of this class for `isInstance` (see {@link RivuletError}). */
  readonly [REMOTE_RUNNABLE_ERROR] = true;
  readonly status: number | undefined;
  /** The code as the server sent it, even when it is not one of Rivulet's. */
  readonly remoteCode: string | undefined;
  readonly runId: string | undefined;
  readonly detail: unknown;
  readonly retryable: boolean;

  constructor(message: string, fields: RemoteRunnableErrorFields = {}) {
    super(localCode(fields.remoteCode), message, fields.cause === undefined ? {} : { cause: fields.cause });
    this.status = fields.status;
    this.remoteCode = fields.remoteCode;
    this.runId = fields.runId;
    this.detail = fields.detail;
    const status = fields.status;
    this.retryable = status === undefined || status >= 500 || status === 408 || status === 429;
  }
  static override isInstance = hasMarker<RemoteRunnableError>(REMOTE_RUNNABLE_ERROR);
}

function localCode(remoteCode: string | undefined): RivuletErrorCode {
  return remoteCode !== undefined && isCode(remoteCode) ? remoteCode : "remote";
}

/** Every key of the table is a code (TypeScript checks the table against the union). */
function isCode(key: string): key is RivuletErrorCode {
  return Object.hasOwn(ERROR_STATUS, key);
}
