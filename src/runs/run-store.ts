import type { StreamEvent } from "../events/stream-event.js";
import type { RunInfo, RunLogEntry, RunTerminalEntry } from "./run-record.js";

/** What a reader of a store's log may receive: a record, a sign the cursor is too old, or an idle tick. */
export type RunStoreReadItem =
  | RunLogEntry
  | { readonly type: "expired"; readonly oldestId: number }
  | { readonly type: "idle" };

/** Options of {@link RunStore.read}. */
export interface RunStoreReadOptions {
  /** Replay strictly after this event id (0: from the start). */
  readonly after: number;
  /** Yield `{ type: "idle" }` when nothing arrived for this long, so the reader can check the lease. */
  readonly idleMs: number;
  readonly signal?: AbortSignal | undefined;
}

/**
 * Where durable runs live: one small interface, implemented by `memoryRunStore` and
 * `redisRunStore`. Every method is safe to call from any instance sharing the store; only the
 * run's owner calls `append`, `renewLease` and `onCancel`. `finish` is set-if-absent, so exactly
 * one terminal record is ever written (the owner's, or a reader's `run_lost`).
 */
export interface RunStore {
  /** Creates the run if absent (with its lease held for `leaseMs`); false when it already exists. */
  create(info: {
    runId: string;
    createdAt: number;
    metadata: Record<string, string>;
    leaseMs: number;
  }): Promise<boolean>;
  /** Appends event `id`; false when the run has already ended (the writer should stop). */
  append(runId: string, id: number, event: StreamEvent): Promise<boolean>;
  /** Writes the terminal record and starts the TTL; false when another terminal came first. */
  finish(runId: string, terminal: RunTerminalEntry, ttlMs: number): Promise<boolean>;
  /** The log strictly after `after`, then live, ending after the terminal. Throws `RunNotFoundError`. */
  read(runId: string, options: RunStoreReadOptions): AsyncIterable<RunStoreReadItem>;
  /** The run's info, or undefined when it does not exist (never started, or expired). */
  info(runId: string): Promise<RunInfo | undefined>;
  /** Keeps the owner's lease for `leaseMs` more. */
  renewLease(runId: string, leaseMs: number): Promise<void>;
  /** Asks the owner, wherever it runs, to cancel; false when the run does not exist. */
  requestCancel(runId: string): Promise<boolean>;
  /** Calls `listener` when a cancel is requested (at once when one already was); returns the unsubscribe. */
  onCancel(runId: string, listener: () => void): Promise<() => void>;
}
