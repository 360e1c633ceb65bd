import { TimeoutError } from "../errors/abort-error.js";
import { RemoteRunnableError } from "../errors/remote-runnable-error.js";
import { RivuletError } from "../errors/rivulet-error.js";
import { RunNotFoundError } from "../errors/run-errors.js";
import { abortErrorOf } from "../internal/abort.js";
import { type ReadRunStreamOptions, readRunStream } from "./read-run-stream.js";
import { backoffDelay, type ResolvedReconnectOptions } from "./remote-reconnect-options.js";
import type { RemoteResponse } from "./remote-request.js";
import type { RemoteRunEntry } from "./remote-run-entry.js";

/** What {@link streamRemoteRun} needs: how to open a connection after a cursor, and how to read and retry. */
export interface StreamRemoteRunOptions extends Omit<ReadRunStreamOptions, "after"> {
  readonly after: number;
  readonly reconnect: ResolvedReconnectOptions;
  /** Opens `GET runs/:id/stream` resuming strictly after `after` (`Last-Event-ID`). */
  readonly connect: (after: number) => Promise<RemoteResponse>;
}

/**
 * A durable run's log read across reconnects: each connection resumes strictly after the last id
 * yielded (and any entry at or before it is skipped), so every entry comes exactly once, in
 * order. A dropped connection, a body that ends before the terminal, an idle timeout or a
 * retryable answer (5xx, 408, 429, unreachable) reconnects after a backoff; the terminal, a 4xx
 * (a `RunNotFoundError`, a `CursorExpiredError`), the signal, or `maxAttempts` connections in a
 * row without a new entry end it.
 */
export async function* streamRemoteRun(options: StreamRemoteRunOptions): AsyncGenerator<RemoteRunEntry> {
  let after = options.after;
  let failures = 0;
  while (true) {
    if (options.signal?.aborted) throw abortErrorOf(options.signal);
    let lastError: unknown;
    try {
      const remote = await options.connect(after);
      for await (const entry of readRunStream(remote, { ...options, after })) {
        if (entry.id <= after) continue;
        after = entry.id;
        failures = 0;
        yield entry;
        if (entry.type === "terminal") return;
      }
      lastError = new RemoteRunnableError(`The stream of run ${options.runId} closed before the run ended`);
    } catch (error) {
      if (options.signal?.aborted) throw abortErrorOf(options.signal);
      const typed = typedRunError(error, options.runId);
      if (!shouldReconnect(typed)) throw typed;
      lastError = typed;
    }
    failures++;
    if (failures >= options.reconnect.maxAttempts) {
      throw new RemoteRunnableError(
        `Gave up on the stream of run ${options.runId} at ${options.url} after ${failures} attempts in a row without a new event (last event id ${after})`,
        { runId: options.runId, cause: lastError },
      );
    }
    await options.reconnect.delay(backoffDelay(options.reconnect, failures), options.signal);
  }
}

function typedRunError(error: unknown, runId: string): unknown {
  if (RemoteRunnableError.isInstance(error) && error.remoteCode === "run_not_found") {
    return new RunNotFoundError(runId, { cause: error });
  }
  return error;
}

function shouldReconnect(error: unknown): boolean {
  if (RemoteRunnableError.isInstance(error)) return error.retryable;
  if (TimeoutError.isInstance(error)) return error.kind === "idle";
  // A network failure mid-body (the fetch's own TypeError) is not one of ours.
  return !RivuletError.isInstance(error);
}
