import { RemoteRunnableError } from "../errors/remote-runnable-error.js";
import { CursorExpiredError, RunNotFoundError } from "../errors/run-errors.js";
import type { StreamEvent } from "../events/stream-event.js";
import { combineSignals } from "../internal/abort.js";
import { isPlainObject } from "../internal/is-plain-object.js";
import { parseSseStream } from "../sse/parse-sse-stream.js";
import { decodeWireValue } from "../wire/decode-wire-value.js";
import type { WireDialect } from "../wire/wire-dialect.js";
import { idleBytes, type ReadRemoteStreamOptions } from "./read-remote-stream.js";
import type { RemoteResponse } from "./remote-request.js";
import type { RemoteRunEntry, RemoteRunStatus } from "./remote-run-entry.js";

/** How {@link readRunStream} reads one connection to a durable run's stream. */
export interface ReadRunStreamOptions extends ReadRemoteStreamOptions {
  readonly runId: string;
  /** The cursor this connection asked for (a `CursorExpiredError` names the last id received since). */
  readonly after: number;
  readonly dialect: WireDialect;
}

const STATUSES: ReadonlySet<string> = new Set<RemoteRunStatus>([
  "success",
  "error",
  "cancelled",
  "interrupted",
]);

/**
 * The entries of one connection to `GET <route>/runs/:id/stream`: an `event: data` frame is an
 * event with its `id:`, `event: end` and an `event: error` carrying the run's `status` are the
 * terminal (the last entry). An `error` frame without a status is not the run's: `cursor_expired`
 * is a `CursorExpiredError`, `run_not_found` a `RunNotFoundError`, others a `RemoteRunnableError`.
 * The body closing first simply ends the iteration (the caller reconnects). Bytes are read through
 * the idle watchdog, so a silent connection (no frame, no heartbeat) fails with an idle timeout.
 */
export async function* readRunStream(
  remote: RemoteResponse,
  options: ReadRunStreamOptions,
): AsyncGenerator<RemoteRunEntry> {
  const body = remote.response.body;
  if (body === null) throw new RemoteRunnableError(`The remote runnable at ${options.url} answered no body`);
  const signal = combineSignals(options.signal, remote.abort.signal) ?? remote.abort.signal;
  // The reader's cursor: where the connection began, then each event received. An expiry can come
  // mid-connection (a reader that fell behind what the store keeps), after events past `after`.
  let cursor = options.after;
  try {
    for await (const message of parseSseStream(idleBytes(body, options, remote.abort, signal))) {
      const data: unknown = message.data === "" ? undefined : JSON.parse(message.data);
      const id = Number(message.id);
      if (message.event === "data") {
        const event = decodeEvent(data, options);
        if (Number.isFinite(id)) cursor = Math.max(cursor, id);
        yield { type: "event", id, event };
      } else if (message.event === "end") {
        const output = isPlainObject(data)
          ? decodeWireValue(data.output, options.dialect, ["output"])
          : undefined;
        yield { type: "terminal", id, status: "success", output };
        return;
      } else if (message.event === "error") {
        const fields = isPlainObject(data) ? data : {};
        if (typeof fields.status !== "string" || !isStatus(fields.status)) {
          throw frameError(fields, { ...options, after: cursor });
        }
        yield { type: "terminal", id, status: fields.status, error: remoteError(fields, options) };
        return;
      }
    }
  } finally {
    if (!remote.abort.signal.aborted) remote.abort.abort();
  }
}

function isStatus(value: string): value is RemoteRunStatus {
  return STATUSES.has(value);
}

function decodeEvent(data: unknown, options: ReadRunStreamOptions): StreamEvent {
  const value = decodeWireValue(data, options.dialect, ["event"]);
  if (isStreamEvent(value)) return value;
  throw new RemoteRunnableError(
    `The remote run at ${options.url} sent a data frame that is not a stream event`,
    {
      runId: options.runId,
      detail: data,
    },
  );
}

function isStreamEvent(value: unknown): value is StreamEvent {
  return isPlainObject(value) && typeof value.event === "string" && typeof value.run_id === "string";
}

/** A failure of the read itself (not the run's end): typed when it is about the run or the cursor. */
function frameError(fields: Record<string, unknown>, options: ReadRunStreamOptions): Error {
  const cause = remoteError(fields, options);
  if (fields.code === "cursor_expired") {
    const oldestId = typeof fields.oldest_id === "number" ? fields.oldest_id : options.after + 1;
    return new CursorExpiredError({ runId: options.runId, after: options.after, oldestId }, { cause });
  }
  if (fields.code === "run_not_found") return new RunNotFoundError(options.runId, { cause });
  return cause;
}

function remoteError(fields: Record<string, unknown>, options: ReadRunStreamOptions): RemoteRunnableError {
  const status = typeof fields.status_code === "number" ? fields.status_code : undefined;
  const message = typeof fields.message === "string" ? fields.message : "the run failed";
  return new RemoteRunnableError(`The remote run ${options.runId} at ${options.url} ended: ${message}`, {
    status,
    remoteCode: typeof fields.code === "string" ? fields.code : undefined,
    runId: options.runId,
    detail: message,
  });
}
