import { CallbackManager } from "../callbacks/callback-manager.js";
import type { RunnableConfig } from "../config/runnable-config.js";
import type { RunScope } from "../engine/run-scope.js";
import type { RunnableShape } from "../engine/runnable-shape.js";
import { EmptyOutputError } from "../errors/empty-output-error.js";
import { RemoteRunnableError } from "../errors/remote-runnable-error.js";
import { isPlainObject } from "../internal/is-plain-object.js";
import type { BatchOptions } from "../runnables/batch.js";
import { Runnable } from "../runnables/runnable.js";
import { decodeWireValue } from "../wire/decode-wire-value.js";
import { encodeWireValue } from "../wire/encode-wire-value.js";
import { dialectOf, type WireDialect } from "../wire/wire-dialect.js";
import { readRemoteStream } from "./read-remote-stream.js";
import { RemoteEventRelay, type RootEnding, relayRootChunks } from "./remote-event-relay.js";
import { sendRemoteRequest } from "./remote-request.js";
import type { RemoteRunEntry, RemoteRunStarted, StreamRunOptions } from "./remote-run-entry.js";
import {
  type RemoteRunnableOptions,
  type ResolvedRemoteOptions,
  resolveRemoteOptions,
} from "./remote-runnable-options.js";
import { resumableRunEntries, runEvents, terminalError } from "./resumable-run-entries.js";
import { notServed } from "./runs-not-served-error.js";
import { streamRemoteRun } from "./stream-remote-run.js";

/** The `data` frames of a remote event stream, decoded. */
async function* decodedEvents(
  frames: AsyncIterable<{ event: string; data?: unknown }>,
  dialect: WireDialect,
): AsyncGenerator<unknown> {
  for await (const frame of frames) {
    if (frame.event === "data") yield decodeWireValue(frame.data, dialect, ["event"]);
  }
}

const WHOLE_IN_CHUNKS_OUT: RunnableShape = { input: "whole", output: "chunks" };

/** Bounds a resumable call's start and cancel requests when no `timeout` is set. */
const RUN_CONTROL_TIMEOUT_MS = 30_000;

/**
 * A Runnable served elsewhere (by Rivulet's `serve`, or by LangServe), called over HTTP: it
 * invokes, batches and streams like a local one and goes inside chains with `pipe`. Values are
 * revived by their `type` alone and keep every field (tool calls and their chunks, usage, ids,
 * artifacts); against a LangServe server (no `X-Rivulet-Dialect` in its answers) it speaks
 * LangServe's shapes. When something observes the call (`streamEvents`, `streamLog`, a
 * handler), it reads the server's `stream_events` instead of `stream`, and the remote runs
 * appear as children of this one, with their own ids and re-parented `parent_ids`. Streams
 * have no total deadline, only an idle timeout reset by every frame (heartbeats included); the
 * config's `signal`, or stopping the loop, aborts the request and so the server's run. With
 * `resumable: true` every call is a durable run on the server (`POST runs`, then its stream,
 * reconnecting with `Last-Event-ID`): the same values and events, and a dropped connection costs
 * a reconnect; the signal or stopping the loop cancels the run (`cancelRun`).
 *
 * @example
 * const joke = new RemoteRunnable<{ topic: string }, AIMessageChunk>({ url: "http://localhost:8000/joke" });
 * const chain = joke.pipe(new StringOutputParser());
 * for await (const text of await chain.stream({ topic: "parrots" })) process.stdout.write(text);
 */
export class RemoteRunnable<I = unknown, O = unknown, C = O> extends Runnable<I, O, C> {
  override readonly shape: RunnableShape = WHOLE_IN_CHUNKS_OUT;
  readonly url: string;
  readonly #options: ResolvedRemoteOptions;
  #dialect: Promise<WireDialect> | undefined;

  constructor(options: RemoteRunnableOptions) {
    super();
    this.#options = resolveRemoteOptions(options);
    this.url = this.#options.url;
    if (this.#options.dialect !== undefined) this.#dialect = Promise.resolve(this.#options.dialect);
  }

  /** The dialect the server speaks: the option, or found out once from a `GET input_schema`. */
  dialect(signal?: AbortSignal): Promise<WireDialect> {
    this.#dialect ??= this.#detectDialect(signal).catch((error: unknown) => {
      this.#dialect = undefined;
      throw error;
    });
    return this.#dialect;
  }

  async #detectDialect(signal: AbortSignal | undefined): Promise<WireDialect> {
    // Any answer tells the dialect (a 401 from an auth hook too); only an unreachable server does not.
    const { response } = await sendRemoteRequest(this.#options, {
      route: "input_schema",
      method: "GET",
      signal,
      timeout: this.#options.timeout,
      dialect: undefined,
      acceptErrors: true,
    });
    await response.body?.cancel().catch(() => undefined);
    return dialectOf(response.headers);
  }

  override async _invoke(input: I, scope: RunScope): Promise<O> {
    if (scope.observed) return this.#invokeObserved(input, scope);
    if (this.#options.resumable) return this.#invokeResumable(input, scope);
    const dialect = await this.dialect(scope.signal);
    const { response } = await sendRemoteRequest(this.#options, {
      route: "invoke",
      method: "POST",
      body: { input: encodeWireValue(input, dialect), config: wireConfig(scope.config), kwargs: {} },
      signal: scope.signal,
      timeout: this.#options.timeout,
      dialect,
    });
    const body = await readJson(response, this.url);
    return decodeWireValue(body.output, dialect, ["output"]) as O;
  }

  /**
   * Observed: stream the remote events so the remote runs show as children, report the root's
   * chunks, and answer the remote root's own output (a parser's last snapshot, not the
   * concatenation of its snapshots).
   */
  async #invokeObserved(input: I, scope: RunScope): Promise<O> {
    const ending: RootEnding = { ended: false, output: undefined };
    const aggregator = this.createAggregator();
    for await (const chunk of this.#remoteStream(input, scope, ending)) {
      aggregator.add(chunk);
      const reported = scope.reportChunk(chunk);
      if (reported !== undefined) await reported;
    }
    if (ending.ended) return ending.output as O;
    const folded = aggregator.result();
    if (folded === undefined) throw new EmptyOutputError(this.getName());
    return folded;
  }

  /** Resumable, unobserved: the run's terminal output (its events are read and dropped). */
  async #invokeResumable(input: I, scope: RunScope): Promise<O> {
    for await (const entry of this.#resumableEntries(input, scope)) {
      if (entry.type !== "terminal") continue;
      if (entry.status !== "success") throw terminalError(entry.error, entry.status, this.url);
      return entry.output as O;
    }
    // streamRun ends only after the terminal, or throws.
    throw new RemoteRunnableError(`The remote run at ${this.url} ended without its terminal`);
  }

  override _stream(input: I, scope: RunScope): AsyncIterable<C> {
    return this.#remoteStream(input, scope, { ended: false, output: undefined });
  }

  /**
   * A resumable call's run: its id chosen here, started without the caller's signal (bounded by
   * the timeout, so an abort mid-start still cancels a run that began), read across reconnects,
   * and cancelled when the call ends before the terminal.
   */
  #resumableEntries(input: I, scope: RunScope): AsyncGenerator<RemoteRunEntry> {
    const runId = this.#options.generateRunId();
    const timeout = this.#options.timeout ?? RUN_CONTROL_TIMEOUT_MS;
    return resumableRunEntries({
      signal: scope.signal,
      start: () => this.#postRun(input, scope.config, { runId, signal: undefined, timeout }),
      read: () => this.streamRun(runId, { signal: scope.signal }),
      reconnect: this.#options.reconnect,
      cancel: () => this.#postCancel(runId, { signal: undefined, timeout }),
    });
  }

  async *#remoteStream(input: I, scope: RunScope, ending: RootEnding): AsyncIterable<C> {
    if (this.#options.resumable) {
      // The run's log holds the v2 events: the same relay as `stream_events` gives the same chunks.
      yield* this.#relayEvents(runEvents(this.#resumableEntries(input, scope), this.url), scope, ending);
      return;
    }
    const dialect = await this.dialect(scope.signal);
    const route = scope.observed ? "stream_events" : "stream";
    const remote = await sendRemoteRequest(this.#options, {
      route,
      method: "POST",
      body: { input: encodeWireValue(input, dialect), config: wireConfig(scope.config), kwargs: {} },
      signal: scope.signal,
      timeout: undefined,
      dialect,
    });
    const frames = readRemoteStream(remote, {
      idleTimeout: this.#options.idleTimeout,
      setTimer: this.#options.setTimer,
      signal: scope.signal,
      url: `${this.url}/${route}`,
    });
    if (!scope.observed) {
      for await (const frame of frames) {
        if (frame.event === "data") yield decodeWireValue(frame.data, dialect, ["chunk"]) as C;
      }
      return;
    }
    yield* this.#relayEvents(decodedEvents(frames, dialect), scope, ending);
  }

  async *#relayEvents(events: AsyncIterable<unknown>, scope: RunScope, ending: RootEnding): AsyncIterable<C> {
    const relay = new RemoteEventRelay(CallbackManager.from(scope.childConfig().callbacks));
    const chunks = relayRootChunks(relay, events, {
      reportCustomEvent: (name, data) => scope.reportCustomEvent(name, data),
      ending,
      stopped: () => new RemoteRunnableError("The stream was stopped before the remote run ended"),
    });
    for await (const chunk of chunks) yield chunk as C;
  }

  /**
   * Starts a durable run on the server (`POST <url>/runs`, served with `serve(..., { runs })`): it
   * goes on without any connection, and `streamRun` reads it. With `runId`, a second start joins.
   * A server without run routes (a 404) is a `RunsNotServedError`.
   *
   * @example
   * const { runId } = await remote.startRun({ topic: "bears" });
   * for await (const entry of remote.streamRun(runId)) if (entry.type === "event") render(entry.event);
   */
  async startRun(
    input: I,
    config: RunnableConfig = {},
    options: { runId?: string } = {},
  ): Promise<RemoteRunStarted> {
    return this.#postRun(input, config, {
      runId: options.runId,
      signal: config.signal,
      timeout: this.#options.timeout,
    });
  }

  async #postRun(input: I, config: RunnableConfig, request: ControlRequest & { runId: string | undefined }) {
    const dialect = await this.dialect(request.signal);
    const body: Record<string, unknown> = {
      input: encodeWireValue(input, dialect),
      config: wireConfig(config),
      kwargs: {},
    };
    if (request.runId !== undefined) body.run_id = request.runId;
    const { response } = await sendRemoteRequest(this.#options, {
      route: "runs",
      method: "POST",
      body,
      signal: request.signal,
      timeout: request.timeout,
      dialect,
    }).catch((error: unknown) => {
      throw notServed(error, this.url);
    });
    const json = await readJson(response, this.url);
    if (typeof json.run_id !== "string") {
      throw new RemoteRunnableError(`The remote runnable at ${this.url} started a run without a run_id`, {
        detail: json,
      });
    }
    const started: RemoteRunStarted = {
      runId: json.run_id,
      joined: json.joined === true,
      status: String(json.status),
    };
    return started;
  }

  /**
   * A durable run's log, strictly after `after`, each entry exactly once and in order; it
   * reconnects by itself (`Last-Event-ID`, backoff with jitter, `reconnect.maxAttempts`) when the
   * connection drops or goes idle, and ends after the terminal entry. Aborting `signal` or
   * stopping the loop leaves the run going on; `cancelRun` stops it.
   */
  async *streamRun(runId: string, options: StreamRunOptions = {}): AsyncGenerator<RemoteRunEntry> {
    const dialect = await this.dialect(options.signal);
    const route = `runs/${encodeURIComponent(runId)}/stream`;
    yield* streamRemoteRun({
      runId,
      after: options.after ?? 0,
      dialect,
      signal: options.signal,
      idleTimeout: this.#options.idleTimeout,
      setTimer: this.#options.setTimer,
      url: `${this.url}/${route}`,
      reconnect: this.#options.reconnect,
      connect: (after) =>
        sendRemoteRequest(this.#options, {
          route,
          method: "GET",
          headers: after > 0 ? { "last-event-id": String(after) } : {},
          signal: options.signal,
          timeout: undefined,
          dialect,
        }),
    });
  }

  /** Asks the server to cancel a durable run (`POST <url>/runs/:id/cancel`), wherever it runs. */
  async cancelRun(
    runId: string,
    options: { signal?: AbortSignal } = {},
  ): Promise<{ cancelled: boolean; status: string }> {
    return this.#postCancel(runId, { signal: options.signal, timeout: this.#options.timeout });
  }

  async #postCancel(runId: string, request: ControlRequest): Promise<{ cancelled: boolean; status: string }> {
    const dialect = await this.dialect(request.signal);
    const { response } = await sendRemoteRequest(this.#options, {
      route: `runs/${encodeURIComponent(runId)}/cancel`,
      method: "POST",
      body: {},
      signal: request.signal,
      timeout: request.timeout,
      dialect,
    });
    const json = await readJson(response, this.url);
    return { cancelled: json.cancelled === true, status: String(json.status) };
  }

  /**
   * Runs on many inputs. When nothing observes the calls, errors are not returned in place and the
   * runnable is not resumable, it is one `POST batch` (one request, one remote run per input);
   * otherwise one call per input, each its own run (observed, its own remote event stream;
   * resumable, its own durable run).
   */
  override batch(
    inputs: I[],
    config?: RunnableConfig | RunnableConfig[],
    options?: BatchOptions & { returnExceptions?: false },
  ): Promise<O[]>;
  override batch(
    inputs: I[],
    config: RunnableConfig | RunnableConfig[] | undefined,
    options: BatchOptions & { returnExceptions: true },
  ): Promise<(O | Error)[]>;
  override batch(
    inputs: I[],
    config?: RunnableConfig | RunnableConfig[],
    options?: BatchOptions,
  ): Promise<(O | Error)[]>;
  override batch(
    inputs: I[],
    config?: RunnableConfig | RunnableConfig[],
    options: BatchOptions = {},
  ): Promise<(O | Error)[]> {
    const configs = Array.isArray(config) ? config : [config ?? {}];
    const observed = configs.some((each) => CallbackManager.from(each.callbacks).observed);
    if (
      observed ||
      this.#options.resumable ||
      options.returnExceptions === true ||
      !Array.isArray(inputs) ||
      (Array.isArray(config) && config.length !== inputs.length)
    ) {
      return super.batch(inputs, config, options);
    }
    return this.#batchRequest(inputs, config);
  }

  async #batchRequest(inputs: I[], config: RunnableConfig | RunnableConfig[] | undefined): Promise<O[]> {
    const signal = Array.isArray(config) ? undefined : config?.signal;
    const dialect = await this.dialect(signal);
    const wire = Array.isArray(config) ? config.map(wireConfig) : wireConfig(config ?? {});
    const { response } = await sendRemoteRequest(this.#options, {
      route: "batch",
      method: "POST",
      body: { inputs: inputs.map((input) => encodeWireValue(input, dialect)), config: wire, kwargs: {} },
      signal,
      timeout: this.#options.timeout,
      dialect,
    });
    const body = await readJson(response, this.url);
    if (!Array.isArray(body.output) || body.output.length !== inputs.length) {
      throw new RemoteRunnableError(
        `The remote runnable at ${this.url} answered a batch without one output per input`,
        { detail: body },
      );
    }
    return body.output.map((output, index) => decodeWireValue(output, dialect, ["output", index]) as O);
  }
}

/** What a run's start and cancel requests are bounded by. */
interface ControlRequest {
  readonly signal: AbortSignal | undefined;
  readonly timeout: number | undefined;
}

/** The parts of a config that travel: plain data only (the server keeps what its allow-list says). */
function wireConfig(config: RunnableConfig): Record<string, unknown> {
  const wire: Record<string, unknown> = {};
  if (config.configurable !== undefined) wire.configurable = config.configurable;
  if (config.tags !== undefined && config.tags.length > 0) wire.tags = config.tags;
  if (config.metadata !== undefined && Object.keys(config.metadata).length > 0)
    wire.metadata = config.metadata;
  return wire;
}

async function readJson(response: Response, url: string): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    throw new RemoteRunnableError(`The remote runnable at ${url} answered something that is not JSON`, {
      status: response.status,
      cause: error,
    });
  }
  if (!isPlainObject(body))
    throw new RemoteRunnableError(`The remote runnable at ${url} answered JSON that is not an object`, {
      status: response.status,
      detail: body,
    });
  return body;
}
