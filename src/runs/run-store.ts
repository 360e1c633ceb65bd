import type { RunEventEntry, RunInfo, RunLogEntry, RunTerminalEntry } from "./run-record.js";

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
 * one terminal record is ever written (the owner's, or a reader's `run_lost`). Aliases
 * (`claimAlias`, `resolveAlias`) are named pointers to a run id, shared by every instance (how
 * `chatHandler` finds a chat's run on any server).
 */
export interface RunStore {
  /**
   * Creates the run if absent (with its lease held for `leaseMs`); false when it already exists.
   * `ttlMs` (default: none) bounds a run whose owner died and that nobody read: it is removed
   * `ttlMs` after its lease lapsed, as an ended run is `ttlMs` after its end.
   */
  create(info: {
    runId: string;
    createdAt: number;
    metadata: Record<string, string>;
    leaseMs: number;
    ttlMs?: number | undefined;
  }): Promise<boolean>;
  /**
   * Appends events, in order, with consecutive ids following the last one (the owner sends what
   * piled up while its previous append was in flight, so a batch is one round trip); false when
   * the run has already ended or does not exist (the writer should stop).
   */
  append(runId: string, entries: readonly RunEventEntry[]): Promise<boolean>;
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
  /**
   * Points `alias` (a chat id, say) at `runId` for `ttlMs` (`Infinity`: no expiry), only if it
   * still points at `options.previous` (undefined: absent or expired): a compare-and-set, so of
   * two instances claiming the same alias from the same `previous` exactly one wins. Claiming
   * with `previous` equal to `runId` refreshes the expiry. False when the alias points elsewhere.
   * The alias follows the run id rule (1 to 128 letters, digits, `-`, `_`, `.` or `:`), else
   * `InvalidInputError`.
   */
  claimAlias(alias: string, runId: string, options: RunStoreAliasClaim): Promise<boolean>;
  /** The run id `alias` points at, or undefined when it is absent or expired. */
  resolveAlias(alias: string): Promise<string | undefined>;
}

/** Options of {@link RunStore.claimAlias}. */
export interface RunStoreAliasClaim {
  /** The run id the caller last resolved the alias to (undefined: absent); the claim fails otherwise. */
  readonly previous: string | undefined;
  /** How long the alias lasts from now, in milliseconds (`Infinity`: until claimed again). */
  readonly ttlMs: number;
}
