import { TimeoutError } from "../errors/abort-error.js";
import { RemoteRunnableError } from "../errors/remote-runnable-error.js";
import { combineSignals, raceAbort } from "../internal/abort.js";
import { isPlainObject } from "../internal/is-plain-object.js";
import { parseSseStream } from "../sse/parse-sse-stream.js";
import type { RemoteResponse } from "./remote-request.js";
import type { RemoteTimer } from "./remote-runnable-options.js";

/** One frame of a remote stream that carries a value: `metadata` (the run id) or `data` (parsed JSON). */
export type RemoteFrame =
  | { readonly event: "metadata"; readonly runId: string }
  | { readonly event: "data"; readonly data: unknown };

/** How {@link readRemoteStream} reads. */
export interface ReadRemoteStreamOptions {
  /** Milliseconds without a byte before the stream fails (`Infinity`: never). */
  readonly idleTimeout: number;
  readonly setTimer: RemoteTimer;
  /** The caller's signal: aborting it stops the read at once. */
  readonly signal: AbortSignal | undefined;
  /** The URL, for messages. */
  readonly url: string;
}

/**
 * The frames of a remote SSE answer (LangServe's `metadata`, `data`, `error`, `end`), read as
 * they arrive. There is no total deadline: an idle timer, reset by every byte received
 * (heartbeat comments included), fails the stream with a `TimeoutError` of kind `"idle"` and
 * aborts the request. An `error` frame is a `RemoteRunnableError` with its `status_code`, code
 * and run id. A body that closes cleanly ends the stream (SSE parsers never dispatch the data-less `end` frame). Stopping the loop (a `break`) or
 * aborting the signal aborts the request, which closes the server's run.
 */
export async function* readRemoteStream(
  remote: RemoteResponse,
  options: ReadRemoteStreamOptions,
): AsyncGenerator<RemoteFrame> {
  const body = remote.response.body;
  if (body === null) throw new RemoteRunnableError(`The remote runnable at ${options.url} answered no body`);
  const signal = combineSignals(options.signal, remote.abort.signal) ?? remote.abort.signal;
  let runId: string | undefined;
  try {
    for await (const message of parseSseStream(idleBytes(body, options, remote.abort, signal))) {
      if (message.event === "end") return;
      const data: unknown = message.data === "" ? undefined : JSON.parse(message.data);
      if (message.event === "error") throw streamError(data, runId, options.url);
      if (message.event === "metadata") {
        runId = isPlainObject(data) && typeof data.run_id === "string" ? data.run_id : runId;
        if (runId !== undefined) yield { event: "metadata", runId };
        continue;
      }
      // LangServe's JS client treats any other named event as a chunk; so do we.
      yield { event: "data", data };
    }
  } finally {
    if (!remote.abort.signal.aborted) remote.abort.abort();
  }
  // SSE drops a frame without data, so `event: end` never reaches us: a body that closes
  // cleanly is the end (a broken connection fails the read instead).
}

/**
 * The body's bytes, each read raced against the signal and an idle timer that every chunk resets
 * (heartbeat comments included): the idle watchdog of every remote stream.
 */
export async function* idleBytes(
  body: ReadableStream<Uint8Array>,
  options: ReadRemoteStreamOptions,
  abort: AbortController,
  signal: AbortSignal,
): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  const idle = options.idleTimeout;
  try {
    while (true) {
      const stop = Number.isFinite(idle)
        ? options.setTimer(() => abort.abort(new TimeoutError(idle, "idle")), idle)
        : undefined;
      let step: Awaited<ReturnType<typeof reader.read>>;
      try {
        step = await raceAbort(reader.read(), signal);
      } finally {
        stop?.();
      }
      if (step.done) return;
      yield step.value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

function streamError(data: unknown, runId: string | undefined, url: string): RemoteRunnableError {
  const fields = isPlainObject(data) ? data : {};
  const status = typeof fields.status_code === "number" ? fields.status_code : undefined;
  const message = typeof fields.message === "string" ? fields.message : "the stream failed";
  return new RemoteRunnableError(
    `The remote runnable at ${url} failed mid-stream${status === undefined ? "" : ` (HTTP ${status})`}: ${message}`,
    {
      status,
      remoteCode: typeof fields.code === "string" ? fields.code : undefined,
      runId: typeof fields.run_id === "string" ? fields.run_id : runId,
      detail: message,
    },
  );
}
