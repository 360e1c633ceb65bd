import type { RivuletErrorCode } from "./rivulet-error.js";

/** What one error code means outside the process that threw it. */
export interface ErrorCodeInfo {
  /** The HTTP status a server answers with when a call fails with this code. */
  readonly status: number;
  /**
   * Whether `withRetry` tries again by default. An error's own boolean `retryable` field (every
   * `ProviderError` has one) overrides it.
   */
  readonly retryable: boolean;
}

/**
 * Every error code with its HTTP status and default retry behaviour: the one table that
 * `errorPayload` (and through it SSE error frames and HTTP servers) reads. TypeScript checks
 * that it names every `RivuletErrorCode` and nothing else. Input errors are 422 (the caller can
 * fix them), a cancelled run 499 (nginx's "client closed request"), a timeout 504, a failed
 * provider 502, everything else 500. Timeouts and cancellations are not retried by
 * `withRetry`: the run's signal is already spent.
 *
 * @example
 * ERROR_STATUS[error.code].status; // 422 for "prompt_input"
 */
export const ERROR_STATUS = freezeTable({
  aborted: { status: 499, retryable: false },
  timeout: { status: 504, retryable: false },
  invalid_input: { status: 422, retryable: false },
  invalid_config: { status: 422, retryable: false },
  prompt_input: { status: 422, retryable: false },
  tool_input: { status: 422, retryable: false },
  // The error's own `retryable` (rate limit, 5xx, network: true; 4xx: false) decides.
  provider: { status: 502, retryable: true },
  // A remote Runnable's server failed or could not be reached (the error's own `retryable` decides:
  // 5xx and network failures true, 4xx false); a bad gateway for whoever called us.
  remote: { status: 502, retryable: true },
  // A server refused the request (HttpError): the error's own status (401, 403, 413, 429) decides;
  // 400 is only the fallback. Sending the same request again is refused again.
  request_refused: { status: 400, retryable: false },
  // Durable runs: a run id the store does not know (never started, or expired after its TTL).
  run_not_found: { status: 404, retryable: false },
  // A durable run whose owner died before it ended: the run is gone, start it again.
  run_lost: { status: 503, retryable: false },
  // A resume cursor older than the oldest event kept: what was dropped cannot come back.
  cursor_expired: { status: 410, retryable: false },
  // The server's own configuration is missing, not the caller's input.
  missing_api_key: { status: 500, retryable: false },
  // A model may write parseable text on the next attempt.
  output_parser: { status: 500, retryable: true },
  // Bugs in the chain itself: the same call fails the same way on every attempt.
  recursion_limit: { status: 500, retryable: false },
  invalid_runnable: { status: 500, retryable: false },
  not_implemented: { status: 500, retryable: false },
  internal: { status: 500, retryable: true },
} as const satisfies Record<RivuletErrorCode, ErrorCodeInfo>);

/**
 * Freezes the table and its rows: it is exported and shared by the whole process, so a JS
 * caller writing to it (`ERROR_STATUS.invalid_input.status = 200`) would change every payload.
 */
function freezeTable<T extends Record<RivuletErrorCode, ErrorCodeInfo>>(table: T): T {
  for (const info of Object.values(table)) Object.freeze(info);
  return Object.freeze(table);
}
