import { errorPayload } from "../errors/error-payload.js";
import { HttpError } from "./http-error.js";
import { RequestValidationError } from "./request-validation-error.js";
import { jsonResponse, type RouteContext } from "./route-context.js";

/**
 * The response for a request that failed before a stream opened, or an `invoke`/`batch` run
 * that failed. A `RequestValidationError` is 422 with `{ detail: [{ loc, msg, type }] }`; an
 * `HttpError` its own status with `{ detail: message }` and its headers; anything else (a run's
 * failure, a hook that threw something else) the status of its code in `ERROR_STATUS`
 * (422, 499, 502, 504, 500) with `{ detail, code }`, the message masked unless the server
 * exposes errors. `runIds` (when a run was started) are always included, as `run_id` for one run
 * and `run_ids` for a batch, and as the `X-Rivulet-Run-Id` header.
 *
 * @example
 * return errorResponse(context, error, { runId });
 */
export function errorResponse(
  context: RouteContext,
  error: unknown,
  runs: { runId?: string; runIds?: readonly string[] } = {},
): Response {
  const ids =
    runs.runId !== undefined
      ? { run_id: runs.runId }
      : runs.runIds !== undefined
        ? { run_ids: runs.runIds }
        : {};
  const idHeader: Record<string, string> = runs.runId !== undefined ? { "x-rivulet-run-id": runs.runId } : {};
  if (RequestValidationError.isInstance(error)) {
    return jsonResponse(context, 422, { detail: error.issues, ...ids }, idHeader);
  }
  if (HttpError.isInstance(error)) {
    return jsonResponse(
      context,
      error.status,
      { detail: error.message, ...ids },
      { ...error.headers, ...idHeader },
    );
  }
  const payload = errorPayload(error, { exposeMessages: context.options.exposeErrors });
  return jsonResponse(
    context,
    payload.status,
    { detail: payload.message, code: payload.code, ...ids },
    idHeader,
  );
}
