import { TimeoutError } from "../errors/abort-error.js";
import { RemoteRunnableError } from "../errors/remote-runnable-error.js";
import { abortErrorOf, raceAbort } from "../internal/abort.js";
import { isPlainObject } from "../internal/is-plain-object.js";
import { DIALECT_HEADER, type WireDialect } from "../wire/wire-dialect.js";
import type { ResolvedRemoteOptions } from "./remote-runnable-options.js";

/** One request a `RemoteRunnable` makes. */
export interface RemoteRequest {
  readonly route: string;
  readonly method: "GET" | "POST";
  readonly body?: unknown;
  /** The caller's signal (the run's), aborted to cancel the request. */
  readonly signal: AbortSignal | undefined;
  /** A total timeout in milliseconds (invoke and batch only). */
  readonly timeout: number | undefined;
  readonly dialect: WireDialect | undefined;
  /** Headers of this request only (a resume's `Last-Event-ID`), after the options' headers. */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** Return an error answer instead of throwing it (the dialect probe reads only its headers). */
  readonly acceptErrors?: boolean;
}

/** A response that answered 2xx, and the controller that aborts its body. */
export interface RemoteResponse {
  readonly response: Response;
  readonly abort: AbortController;
}

/**
 * Sends one request: the options' headers, `X-Rivulet-Dialect: rivulet` when speaking (or
 * detecting) Rivulet's dialect, a body as JSON. The fetch is aborted by the caller's signal or
 * by the total timeout (`AbortSignal.any`), and by the returned controller (a stream's reader
 * stopping, the idle timeout). A non-2xx answer is a `RemoteRunnableError` with the server's
 * status, code, run id and detail; a network failure one without a status.
 */
export async function sendRemoteRequest(
  options: ResolvedRemoteOptions,
  request: RemoteRequest,
): Promise<RemoteResponse> {
  const abort = new AbortController();
  const signals = [abort.signal];
  if (request.signal !== undefined) signals.push(request.signal);
  if (request.timeout !== undefined && Number.isFinite(request.timeout)) {
    signals.push(timeoutSignal(request.timeout));
  }
  const signal = AbortSignal.any(signals);
  const headers: Record<string, string> = {
    accept: "application/json, text/event-stream",
    ...options.headers,
    ...request.headers,
  };
  if (request.dialect !== "langserve") headers[DIALECT_HEADER] = "rivulet";
  const init: RequestInit = { method: request.method, headers, signal };
  if (request.body !== undefined) {
    headers["content-type"] = "application/json";
    init.body = JSON.stringify(request.body);
  }
  const url = `${options.url}/${request.route}`;
  let response: Response;
  try {
    // Raced against the signal: a fetch seam (a handler called in-process) may not honour it.
    response = await raceAbort(options.fetch(url, init), signal);
  } catch (error) {
    if (signal.aborted) throw abortErrorOf(signal);
    throw new RemoteRunnableError(`Could not reach the remote runnable at ${url}: ${describe(error)}`, {
      cause: error,
    });
  }
  // A fetch that resolves although it was aborted (a handler called in-process answers 499).
  if (signal.aborted) {
    await response.body?.cancel().catch(() => undefined);
    throw abortErrorOf(signal);
  }
  if (!response.ok && request.acceptErrors !== true) throw await errorFromResponse(response, url);
  return { response, abort };
}

/** A timeout signal whose reason is our typed `TimeoutError` (so the failure says which deadline). */
function timeoutSignal(ms: number): AbortSignal {
  const controller = new AbortController();
  const handle = setTimeout(() => controller.abort(new TimeoutError(ms, "total")), ms);
  // A timer that outlives the request must not hold the process open.
  if (typeof handle === "object" && handle !== null && "unref" in handle) handle.unref();
  return controller.signal;
}

/** The error for a non-2xx answer, from its JSON body (`{ detail, code?, run_id? }`) when it has one. */
export async function errorFromResponse(response: Response, url: string): Promise<RemoteRunnableError> {
  const text = await response.text().catch(() => "");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  const fields = isPlainObject(body) ? body : {};
  const detail = isPlainObject(body) ? body.detail : body;
  const runId = readRunId(fields) ?? response.headers.get("x-rivulet-run-id") ?? undefined;
  const remoteCode = typeof fields.code === "string" ? fields.code : undefined;
  const shown = typeof detail === "string" && detail !== "" ? `: ${detail}` : issuesText(detail);
  return new RemoteRunnableError(`The remote runnable at ${url} answered HTTP ${response.status}${shown}`, {
    status: response.status,
    remoteCode,
    runId,
    detail,
  });
}

function readRunId(fields: Record<string, unknown>): string | undefined {
  if (typeof fields.run_id === "string") return fields.run_id;
  const metadata = fields.metadata;
  return isPlainObject(metadata) && typeof metadata.run_id === "string" ? metadata.run_id : undefined;
}

/** LangServe's 422 `detail` (`[{ loc, msg }]`) as `: body.input: Field required`. */
function issuesText(detail: unknown): string {
  if (!Array.isArray(detail)) return "";
  const parts = detail.filter(isPlainObject).map((issue) => {
    const loc = Array.isArray(issue.loc) ? issue.loc.join(".") : "";
    return `${loc}${loc === "" ? "" : ": "}${String(issue.msg ?? "")}`;
  });
  return parts.length === 0 ? "" : `: ${parts.join("; ")}`;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
