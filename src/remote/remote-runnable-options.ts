import { InvalidConfigError } from "../errors/input-errors.js";
import { checkNumberOption } from "../internal/check-number-option.js";
import type { WireDialect } from "../wire/wire-dialect.js";
import {
  type RemoteReconnectOptions,
  type ResolvedReconnectOptions,
  resolveReconnectOptions,
} from "./remote-reconnect-options.js";

/** The `fetch` a `RemoteRunnable` calls: the global one by default, or any function of that shape (a test seam, a handler). */
export type RemoteFetch = (input: string, init: RequestInit) => Promise<Response>;

/**
 * Starts a timer that calls `onTimeout` after `ms` and returns a function that stops it: the
 * seam for the idle timeout (`setTimeout` by default; a test passes a fake clock).
 */
export type RemoteTimer = (onTimeout: () => void, ms: number) => () => void;

/** Options of `new RemoteRunnable(...)`. */
export interface RemoteRunnableOptions {
  /** The served Runnable's base URL (`http://localhost:8000/joke`): routes are appended to it. */
  url: string;
  /** Headers sent with every request (an `Authorization` header, a tenant...). */
  headers?: Record<string, string> | undefined;
  /** The `fetch` to call (default: the global `fetch`). */
  fetch?: RemoteFetch | undefined;
  /** Milliseconds an `invoke` or `batch` request may take in all (default: none). Streams have no total timeout. */
  timeout?: number | undefined;
  /**
   * Milliseconds a stream may go without receiving a byte before it fails with a `TimeoutError`
   * (kind `"idle"`); every frame resets it, heartbeat comments included (default 60,000, longer
   * than a server's 15-second heartbeat).
   */
  idleTimeout?: number | undefined;
  /**
   * The dialect to speak: `rivulet` (lossless, a Rivulet server) or `langserve` (a LangServe
   * server). Default: found out once, from whether the server echoes `X-Rivulet-Dialect` on a
   * `GET input_schema`.
   */
  dialect?: WireDialect | undefined;
  /** The timer of the idle timeout (a test seam). */
  setTimer?: RemoteTimer | undefined;
  /** How `streamRun` (and a resumable call) reconnects to a durable run (attempts, backoff, test seams). */
  reconnect?: RemoteReconnectOptions | undefined;
  /**
   * Run every call (`invoke`, `stream`, `streamEvents`, `streamLog`, `batch`) as a durable run:
   * `POST <url>/runs`, then `GET <url>/runs/:id/stream`, reconnecting with `Last-Event-ID` when the
   * connection drops, so a flaky network costs a reconnect, not the answer. The calls yield exactly
   * what they yield without it. The caller's `signal`, or stopping the loop, cancels the run on the
   * server. Needs a server started with `serve(..., { runs })` (default false).
   */
  resumable?: boolean | undefined;
  /** The id of each resumable call's run (a test seam, or your own idempotency keys; default `crypto.randomUUID()`). */
  generateRunId?: (() => string) | undefined;
}

/** The options with defaults filled in and checked. */
export interface ResolvedRemoteOptions {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly fetch: RemoteFetch;
  readonly timeout: number | undefined;
  readonly idleTimeout: number;
  readonly dialect: WireDialect | undefined;
  readonly setTimer: RemoteTimer;
  readonly reconnect: ResolvedReconnectOptions;
  readonly resumable: boolean;
  readonly generateRunId: () => string;
}

const DEFAULT_IDLE_TIMEOUT_MS = 60_000;

const realTimer: RemoteTimer = (onTimeout, ms) => {
  const handle = setTimeout(onTimeout, ms);
  return () => clearTimeout(handle);
};

/** Checks the options at construction, so a bad URL or timeout fails where it is written. */
export function resolveRemoteOptions(options: RemoteRunnableOptions): ResolvedRemoteOptions {
  if (typeof options !== "object" || options === null || typeof options.url !== "string") {
    throw new InvalidConfigError(
      "RemoteRunnable needs { url }: the served Runnable's base URL, e.g. http://localhost:8000/joke",
    );
  }
  if (!URL.canParse(options.url)) {
    throw new InvalidConfigError(
      `RemoteRunnable: \`url\` must be an absolute URL, got ${JSON.stringify(options.url)}`,
    );
  }
  const dialect = options.dialect;
  if (dialect !== undefined && dialect !== "rivulet" && dialect !== "langserve") {
    throw new InvalidConfigError(
      'RemoteRunnable: `dialect` must be "rivulet" or "langserve" (or left out to detect it).',
    );
  }
  const fetchFunction = options.fetch ?? globalThis.fetch;
  if (typeof fetchFunction !== "function") {
    throw new InvalidConfigError(
      "RemoteRunnable: `fetch` must be a function (no global fetch in this runtime).",
    );
  }
  return {
    url: options.url.replace(/\/+$/, ""),
    headers: { ...options.headers },
    fetch: fetchFunction,
    timeout: checkNumberOption("RemoteRunnable timeout", options.timeout, "duration"),
    idleTimeout:
      checkNumberOption("RemoteRunnable idleTimeout", options.idleTimeout, "duration") ??
      DEFAULT_IDLE_TIMEOUT_MS,
    dialect,
    setTimer: options.setTimer ?? realTimer,
    reconnect: resolveReconnectOptions(options.reconnect),
    resumable: checkResumable(options.resumable),
    generateRunId: checkGenerateRunId(options.generateRunId),
  };
}

function checkResumable(value: unknown): boolean {
  if (value === undefined || typeof value === "boolean") return value === true;
  throw new InvalidConfigError("RemoteRunnable: `resumable` must be true or false.");
}

function checkGenerateRunId(value: (() => string) | undefined): () => string {
  if (value === undefined) return () => crypto.randomUUID();
  if (typeof value !== "function") {
    throw new InvalidConfigError("RemoteRunnable: `generateRunId` must be a function answering a string.");
  }
  return value;
}
