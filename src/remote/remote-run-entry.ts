import type { RemoteRunnableError } from "../errors/remote-runnable-error.js";
import type { StreamEvent } from "../events/stream-event.js";

/** How a remote durable run ended, as its terminal frame says. */
export type RemoteRunStatus = "success" | "error" | "cancelled" | "interrupted";

/** One event of a remote durable run, with its id in the run's log (`1, 2, 3...`). */
export interface RemoteRunEventEntry {
  readonly type: "event";
  readonly id: number;
  readonly event: StreamEvent;
}

/**
 * The last entry of a remote durable run: its output on success, otherwise the error the server
 * sent (a `RemoteRunnableError` with its code: `"cancelled"`, `"run_lost"`...). Nothing follows it.
 */
export interface RemoteRunTerminalEntry {
  readonly type: "terminal";
  readonly id: number;
  readonly status: RemoteRunStatus;
  readonly output?: unknown;
  readonly error?: RemoteRunnableError | undefined;
}

/**
 * One entry of a remote durable run's log as `RemoteRunnable.streamRun` yields it: the same shape
 * as a local run manager's `read`, so code that renders a run works on either.
 */
export type RemoteRunEntry = RemoteRunEventEntry | RemoteRunTerminalEntry;

/** What `RemoteRunnable.startRun` answers: the run's id, whether it joined a run of that id, its status. */
export interface RemoteRunStarted {
  readonly runId: string;
  readonly joined: boolean;
  readonly status: string;
}

/** Where `RemoteRunnable.streamRun` starts and what stops it. */
export interface StreamRunOptions {
  /** The last event id already seen: the stream yields strictly after it (default 0, the whole log). */
  readonly after?: number | undefined;
  /** Aborting it stops the stream and every reconnect; the run itself goes on (see `cancelRun`). */
  readonly signal?: AbortSignal | undefined;
}
