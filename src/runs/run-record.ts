import type { ErrorPayload } from "../errors/error-payload.js";
import type { StreamEvent } from "../events/stream-event.js";

/** How a durable run ended: its one terminal record's status. */
export type RunTerminalStatus = "success" | "error" | "cancelled" | "interrupted";

/** A durable run's status: running until its terminal record is written. */
export type RunStatus = "running" | RunTerminalStatus;

/** One event of a run's log, with its integer id (`1, 2, 3...`, assigned by the run's single writer). */
export interface RunEventEntry {
  readonly type: "event";
  readonly id: number;
  readonly event: StreamEvent;
}

/**
 * The last record of a run's log (exactly one per run): the output on success, a masked error
 * (`ErrorPayload`, never a stack) on error, cancel or a lost owner (`code: "run_lost"`). Its `id`
 * follows the last event's.
 */
export interface RunTerminalEntry {
  readonly type: "terminal";
  readonly id: number;
  readonly status: RunTerminalStatus;
  readonly output?: unknown;
  readonly error?: ErrorPayload | undefined;
}

/** One record of a run's log as a reader receives it. */
export type RunLogEntry = RunEventEntry | RunTerminalEntry;

/** What a store keeps about a run beside its log. */
export interface RunInfo {
  readonly runId: string;
  readonly status: RunStatus;
  /** Milliseconds since the epoch (the manager's clock). */
  readonly createdAt: number;
  /** Application data kept with the run (who started it, for `authorize`). */
  readonly metadata: Readonly<Record<string, string>>;
  /** The terminal record once the run has ended. */
  readonly terminal?: RunTerminalEntry | undefined;
  /** Whether the owner's lease is still held (always true once ended). */
  readonly leaseAlive: boolean;
}
