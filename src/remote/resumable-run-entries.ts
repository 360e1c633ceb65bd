import { RemoteRunnableError } from "../errors/remote-runnable-error.js";
import { abortErrorOf, raceAbort, throwIfAborted } from "../internal/abort.js";
import { backoffDelay, type ResolvedReconnectOptions } from "./remote-reconnect-options.js";
import type { RemoteRunEntry } from "./remote-run-entry.js";

/** What {@link resumableRunEntries} does with the server: start the run, read it, cancel it. */
export interface ResumableRunOptions {
  /** The caller's signal: aborting it stops the call and cancels the run. */
  readonly signal: AbortSignal | undefined;
  /**
   * One attempt to start (or join) the run of a known id. It is not aborted by `signal` but
   * bounded by its own timeout, so an abort during the start still learns whether the run began.
   * A retryable failure (unreachable, 5xx) is tried again with `reconnect`'s backoff: the id is
   * the same, so an attempt that did reach the server is joined, not started twice.
   */
  readonly start: () => Promise<unknown>;
  readonly reconnect: ResolvedReconnectOptions;
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
  const starting = startWithRetry(options);
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

async function startWithRetry(options: ResumableRunOptions): Promise<unknown> {
  for (let failures = 1; ; failures++) {
    try {
      return await options.start();
    } catch (error) {
      const retry =
        RemoteRunnableError.isInstance(error) &&
        error.retryable &&
        failures < options.reconnect.maxAttempts &&
        options.signal?.aborted !== true;
      if (!retry) throw error;
    }
    await options.reconnect.delay(backoffDelay(options.reconnect, failures), options.signal);
    if (options.signal?.aborted) throw abortErrorOf(options.signal);
  }
}

/**
 * Cancels the run once its start has settled; never throws. A start refused outright (a 4xx)
 * began nothing; one that failed otherwise (unreachable, 5xx, given up on) may have reached the
 * server, so its id is cancelled all the same (an unknown id is a harmless 404).
 */
async function cancelStarted(starting: Promise<unknown>, cancel: () => Promise<unknown>): Promise<void> {
  try {
    await starting;
  } catch (error) {
    if (RemoteRunnableError.isInstance(error) && !error.retryable) return;
  }
  await cancel().catch(() => undefined);
}

/** The events of a durable run's log; a terminal other than success is thrown (the run's error). */
export async function* runEvents(
  entries: AsyncIterable<RemoteRunEntry>,
  url: string,
): AsyncGenerator<unknown> {
  for await (const entry of entries) {
    if (entry.type === "event") yield entry.event;
    else if (entry.status !== "success") throw terminalError(entry.error, entry.status, url);
  }
}

/** The error a run's terminal carries (`error`, `cancelled`, `interrupted`, `run_lost`), as thrown to the caller. */
export function terminalError(error: RemoteRunnableError | undefined, status: string, url: string): Error {
  return error ?? new RemoteRunnableError(`The remote run at ${url} ended ${status}`);
}
