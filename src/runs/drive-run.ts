import type { RunnableConfig } from "../config/runnable-config.js";
import { AbortError, isAbortError } from "../errors/abort-error.js";
import { errorPayload } from "../errors/error-payload.js";
import type { StreamEvent } from "../events/stream-event.js";
import { combineSignals } from "../internal/abort.js";
import type { Runnable } from "../runnables/runnable.js";
import { RunLogWriter } from "./run-log-writer.js";
import type { ResolvedRunManagerOptions } from "./run-manager-options.js";
import type { RunTerminalEntry } from "./run-record.js";
import { storeDeadline } from "./store-deadline.js";

/** Most events one append sends: bounds a batch's size (and the owner's memory) on a fast run. */
const APPEND_BATCH = 256;

/** Why an owner stopped its run early: a cancel request, or the manager closing. */
export type RunStopReason = "cancelled" | "interrupted";

/** One run its owner is driving. */
export interface DrivenRun<I> {
  readonly runId: string;
  readonly runnable: Runnable<I, unknown, unknown>;
  readonly input: I;
  readonly config: RunnableConfig;
  /** Aborted by the owner to stop the run; its reason says why. */
  readonly stop: AbortController;
}

/**
 * The run's single writer: runs `streamEvents` (v2), appends its events with consecutive integer
 * ids (batched by a `RunLogWriter`: what arrives during one append goes in the next), renews the
 * lease every third of `leaseMs`, listens for cancel requests, and writes the one terminal
 * record, each store call bounded by the lease. Never rejects: every failure ends up in the
 * terminal record. When the store refuses an append (a reader already wrote `run_lost`), the run
 * is aborted and nothing more is written.
 */
export async function driveRun<I>(run: DrivenRun<I>, options: ResolvedRunManagerOptions): Promise<void> {
  const { store } = options;
  const stopRenewing = options.schedule(
    () => {
      void store.renewLease(run.runId, options.leaseMs).catch(() => undefined);
    },
    Math.max(1, Math.floor(options.leaseMs / 3)),
  );
  const stopListening = await store
    .onCancel(run.runId, () => stopRun(run.stop, "cancelled"))
    .catch(() => () => {});
  const writer = new RunLogWriter({
    store,
    runId: run.runId,
    maxBatch: APPEND_BATCH,
    deadlineMs: options.leaseMs,
    onRefused: () => stopRun(run.stop, "interrupted"),
  });
  try {
    const terminal = await produce(run, writer);
    if (terminal !== undefined) {
      // After a failed append the writer's ids ran ahead of the log: id 0 lets the store put the
      // terminal right after the last event it holds, so ids stay consecutive.
      const id = writer.failed ? 0 : writer.lastId + 1;
      await storeDeadline(
        store.finish(run.runId, { ...terminal, id }, options.ttlMs),
        options.leaseMs,
        "finish",
      );
    }
  } catch {
    // The store failed: readers see the lease lapse and end with run_lost.
  } finally {
    stopRenewing();
    stopListening();
  }
}

/** Aborts the run with a reason that says why, once. */
export function stopRun(stop: AbortController, reason: RunStopReason): void {
  if (stop.signal.aborted) return;
  const message =
    reason === "cancelled" ? "The run was cancelled" : "The run was interrupted: its server is shutting down";
  stop.abort(new AbortError(message, { reason }));
}

/**
 * Streams the run's events into the writer and answers its terminal (without its id), or
 * undefined when the store refused the log (the run ended elsewhere). A store failure becomes
 * an error terminal.
 */
async function produce<I>(
  run: DrivenRun<I>,
  writer: RunLogWriter,
): Promise<Omit<RunTerminalEntry, "id"> | undefined> {
  let output: unknown;
  let failed: { error: unknown } | undefined;
  try {
    const signal = combineSignals(run.config.signal, run.stop.signal) ?? run.stop.signal;
    const events = run.runnable.streamEvents(run.input, { ...run.config, version: "v2", signal });
    for await (const event of events) {
      const full = writer.push(event);
      if (full !== undefined) await full;
      if (writer.refused) break;
      if (isRootEnd(event)) output = event.data.output;
    }
  } catch (error) {
    failed = { error };
  }
  try {
    // Every event is in the store before the terminal is written.
    await writer.flush();
  } catch (error) {
    // The store failed an append: the terminal says so (if the store takes it at all).
    return failure(run, error);
  }
  if (writer.refused) return undefined;
  return failed === undefined ? { type: "terminal", status: "success", output } : failure(run, failed.error);
}

function isRootEnd(event: StreamEvent): event is StreamEvent & { data: { output?: unknown } } {
  return event.event.endsWith("_end") && event.parent_ids.length === 0;
}

/** A caller's own signal aborting is a cancel too; the manager closing is an interruption. */
function failure<I>(run: DrivenRun<I>, error: unknown): Omit<RunTerminalEntry, "id"> {
  const stopped = run.stop.signal.aborted && AbortError.isInstance(run.stop.signal.reason);
  const interrupted = stopped && run.stop.signal.reason.reason === "interrupted";
  const cancelled = !interrupted && (stopped || (run.config.signal?.aborted === true && isAbortError(error)));
  const status = interrupted ? "interrupted" : cancelled ? "cancelled" : "error";
  return { type: "terminal", status, error: errorPayload(stopped ? run.stop.signal.reason : error) };
}
