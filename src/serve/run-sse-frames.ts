import { type ErrorPayload, errorPayload } from "../errors/error-payload.js";
import { CursorExpiredError } from "../errors/run-errors.js";
import type { RunLogEntry, RunTerminalEntry } from "../runs/run-record.js";
import { encodeSseFrame } from "../sse/encode-sse-frame.js";
import { serializeEventData } from "../sse/serialize-event-data.js";
import { encodeWireValue, wireForm } from "../wire/encode-wire-value.js";
import type { WireDialect } from "../wire/wire-dialect.js";
import { maskEventError } from "./mask-event-error.js";

/** What {@link runSseFrames} writes around a run's log. */
export interface RunSseFramesOptions {
  readonly runId: string;
  readonly dialect: WireDialect;
  readonly exposeErrors: boolean;
  /** Aborted when the client has gone away: nothing more is written. */
  readonly signal: AbortSignal;
}

/**
 * The SSE text of a durable run's log, as `GET <route>/runs/:id/stream` sends it: an
 * `event: data` frame per v2 event, then the terminal (`event: end` with `{ run_id, status,
 * output }` on success, `event: error` with `{ status_code, message, code, run_id, status }`
 * otherwise), every one with `id: <event id>` so a reconnect's `Last-Event-ID` resumes right
 * after it. A cursor older than what is kept gives one `event: error` (code `cursor_expired`,
 * `oldest_id`), without an id: it is not part of the log.
 *
 * @example
 * runSseFrames(manager.read(runId, { after, signal }), { runId, dialect, exposeErrors: false, signal });
 */
export async function* runSseFrames(
  entries: AsyncIterable<RunLogEntry>,
  options: RunSseFramesOptions,
): AsyncGenerator<string> {
  const dialect = options.dialect;
  const serializeOptions = { replace: (inner: object) => wireForm(inner, dialect) };
  try {
    for await (const entry of entries) {
      if (entry.type === "event") {
        const event = maskEventError(entry.event, { exposeMessages: options.exposeErrors });
        const data = serializeEventData(event, serializeOptions);
        yield encodeSseFrame({ id: String(entry.id), event: "data", data });
      } else {
        yield terminalFrame(entry, options);
      }
    }
  } catch (error) {
    if (options.signal.aborted) return;
    const payload = errorPayload(error, { exposeMessages: options.exposeErrors });
    const oldest = CursorExpiredError.isInstance(error) ? { oldest_id: error.oldestId } : {};
    yield encodeSseFrame({
      event: "error",
      data: JSON.stringify({ ...errorFields(payload, options.runId), ...oldest }),
    });
  }
}

function terminalFrame(entry: RunTerminalEntry, options: RunSseFramesOptions): string {
  const id = String(entry.id);
  if (entry.status === "success") {
    const output = encodeWireValue(entry.output, options.dialect);
    const data = serializeEventData({ run_id: options.runId, status: entry.status, output });
    return encodeSseFrame({ id, event: "end", data });
  }
  const payload = entry.error ?? errorPayload(undefined);
  const data = JSON.stringify({ ...errorFields(payload, options.runId), status: entry.status });
  return encodeSseFrame({ id, event: "error", data });
}

/** An error as serve's SSE `error` frames describe it. */
export function errorFields(payload: ErrorPayload, runId: string) {
  return { status_code: payload.status, message: payload.message, code: payload.code, run_id: runId };
}
