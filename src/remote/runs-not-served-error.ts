import { RemoteRunnableError } from "../errors/remote-runnable-error.js";
import { hasMarker } from "../errors/rivulet-error.js";

const RUNS_NOT_SERVED_ERROR = Symbol.for("rivulet.error.RunsNotServedError");

/**
 * The server has no durable run routes: `POST <url>/runs` answered 404, so `startRun` and a
 * `resumable: true` `RemoteRunnable` cannot work there. Serve the route with
 * `serve(routes, { runs: { store } })`, or leave `resumable` off (a LangServe server has no runs).
 * Its code is `"remote"` and `status` 404, as any `RemoteRunnableError` for that answer.
 *
 * @example
 * catch (e) { if (RunsNotServedError.isInstance(e)) console.error(e.message); }
 */
export class RunsNotServedError extends RemoteRunnableError {
  /** Marks instances of this class for `isInstance` (see `RivuletError`). */
  readonly [RUNS_NOT_SERVED_ERROR] = true;

  constructor(url: string, cause: RemoteRunnableError) {
    super(
      `The server at ${url} has no durable run routes (POST ${url}/runs answered 404): serve it with serve(routes, { runs: { store: memoryRunStore() } }) to start runs or use resumable: true.`,
      { status: cause.status, remoteCode: cause.remoteCode, runId: cause.runId, detail: cause.detail, cause },
    );
  }
  static override isInstance = hasMarker<RunsNotServedError>(RUNS_NOT_SERVED_ERROR);
}

/** A 404 on `POST runs` that is not about a known run (`run_not_found`): the server has no run routes. */
export function notServed(error: unknown, url: string): unknown {
  if (!RemoteRunnableError.isInstance(error) || error.status !== 404) return error;
  if (error.remoteCode === "run_not_found") return error;
  return new RunsNotServedError(url, error);
}
