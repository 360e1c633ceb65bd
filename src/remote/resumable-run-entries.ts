import { raceAbort, throwIfAborted } from "../internal/abort.js";
import type { RemoteRunEntry } from "./remote-run-entry.js";

/** What {@link resumableRunEntries} does with the server: start the run, read it, cancel it. */
export interface ResumableRunOptions {
  /** The caller's signal: aborting it stops the call and cancels the run. */
  readonly signal: AbortSignal | undefined;
  /**
   * Starts (or joins) the run of a known id. It is not aborted by `signal` but bounded by its own
   * timeout, so an abort during the start still learns whether the run began, and cancels it.
   */
  readonly start: () => Promise<unknown>;
  /** The run's log, exactly once, reconnecting by itself (`streamRun` with `signal`). */
  readonly read: () => AsyncIterable<RemoteRunEntry>;
  /** Asks the server to cancel the run (bounded by its own timeout). */
  readonly cancel: () => Promise<unknown>;
}

/**
 * One resumable call's durable run: started under an id chosen before the request (so a start
 * whose answer is lost can still be cancelled), then read to its terminal across reconnects. A
 * dropped connection only reconnects (inside `read`); the call ending before the terminal (the
 * signal, the consumer stopping the loop, a read that gave up or whose cursor expired) means
 * nobody wants the run any more, so it is cancelled, best effort, before the call settles.
 */
export async function* resumableRunEntries(options: ResumableRunOptions): AsyncGenerator<RemoteRunEntry> {
  throwIfAborted(options.signal);
  const starting = options.start();
  let ended = false;
  try {
    await raceAbort(starting, options.signal);
    for await (const entry of options.read()) {
      if (entry.type === "terminal") ended = true;
      yield entry;
    }
  } finally {
    if (!ended) await cancelStarted(starting, options.cancel);
  }
}

/** Cancels the run once its start has settled; nothing when it never started; never throws. */
async function cancelStarted(starting: Promise<unknown>, cancel: () => Promise<unknown>): Promise<void> {
  try {
    await starting;
  } catch {
    return;
  }
  await cancel().catch(() => undefined);
}
