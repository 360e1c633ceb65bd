import { RunNotFoundError } from "../errors/run-errors.js";
import type { RunInfo, RunLogEntry } from "../runs/run-record.js";
import { encodeWireValue } from "../wire/encode-wire-value.js";
import { decodeWireInput } from "./decode-wire-input.js";
import { refuseCrossSiteForm } from "./refuse-cross-site-form.js";
import { RequestValidationError } from "./request-validation-error.js";
import { jsonResponse, type RouteContext, readBodyObject, requireField, runConfig } from "./route-context.js";
import type { ResolvedRunRoutes } from "./run-routes-options.js";
import { errorFields, runSseFrames } from "./run-sse-frames.js";
import { sseResponse } from "./sse-response.js";

/** A runtime's `ctx` (Cloudflare's, Vercel's): `waitUntil` keeps a detached run's producer alive. */
export interface RunWaitUntil {
  waitUntil?(promise: Promise<unknown>): void;
}

/** Everything a run route reads: the request's context, the run routes' settings, the run's URL. */
export interface RunRouteContext extends RouteContext {
  readonly runs: ResolvedRunRoutes;
  /** The served route's base path (with the server's prefix): runs live under `<base>/runs`. */
  readonly base: string;
  readonly serveContext: RunWaitUntil | undefined;
}

/** Metadata key recording which route started a run, so another route's URL cannot reach it. */
const ROUTE_KEY = "rivulet.route";

/** A run never aborts with its request: only `cancel` stops it. */
const NEVER = new AbortController().signal;

/**
 * `POST <route>/runs`: `{ input, config?, kwargs?, run_id? }` starts a detached run (or joins the
 * run with that `run_id`) and answers 202 `{ run_id, status, joined }` with `Location` at once.
 */
export async function startRunRoute(context: RunRouteContext): Promise<Response> {
  const body = await readBodyObject(context);
  const input = decodeWireInput(requireField(body, "input"), context.dialect, ["body", "input"]);
  const runId = readRunId(body.run_id) ?? context.runs.generateId();
  const existing = await context.runs.manager.info(runId).catch((error: unknown) => {
    if (RunNotFoundError.isInstance(error)) return undefined;
    throw error;
  });
  const granted = await context.runs.authorize?.(context.request, existing && checkRoute(context, existing));
  const config = await runConfig(context, body.config, ["body", "config"], { runId, signal: NEVER });
  const metadata = { ...granted, [ROUTE_KEY]: context.base };
  const started = await context.runs.manager.start(context.runnable, input, { runId, config, metadata });
  context.serveContext?.waitUntil?.(started.done);
  // Another request created this id between the lookup and the start (two clients racing on a
  // fresh run_id): this one joins a run it was not authorized for, so it is checked against it now.
  const info =
    started.joined && existing === undefined
      ? await authorizedInfo(context, runId)
      : await context.runs.manager.info(runId);
  const location = `${context.base}/runs/${encodeURIComponent(runId)}`;
  return jsonResponse(
    context,
    202,
    { run_id: runId, status: info.status, joined: started.joined },
    { location, "x-rivulet-run-id": runId },
  );
}

/** `GET <route>/runs/:id/stream`: the log strictly after `Last-Event-ID` (or `?after=`), then live. */
export async function streamRunRoute(context: RunRouteContext, runId: string): Promise<Response> {
  const after = readCursor(context.request);
  const onDisconnect = readOnDisconnect(context.request);
  checkCursorInRun(context.request, await authorizedInfo(context, runId), after);
  const abort = new AbortController();
  const signal = AbortSignal.any([context.request.signal, abort.signal]);
  const read = context.runs.manager.read(runId, { after, signal });
  const entries = onDisconnect === "cancel" ? cancelWhenLeft(read, { context, runId, signal }) : read;
  const frames = runSseFrames(entries, {
    runId,
    dialect: context.dialect,
    exposeErrors: context.options.exposeErrors,
    signal,
  });
  const headers = new Headers(context.headers);
  headers.set("x-rivulet-run-id", runId);
  // A reader leaving aborts only its own read: the run goes on (unless it asked `on_disconnect=cancel`).
  return sseResponse(frames, { abort, heartbeat: context.options.heartbeat, headers });
}

/** `GET <route>/runs/:id`: `{ run_id, status, created_at, output? | error? }`. */
export async function runStatusRoute(context: RunRouteContext, runId: string): Promise<Response> {
  const info = await authorizedInfo(context, runId);
  const terminal = info.terminal;
  const ended =
    terminal === undefined
      ? {}
      : terminal.status === "success"
        ? { output: encodeWireValue(terminal.output, context.dialect) }
        : terminal.error === undefined
          ? {}
          : { error: errorFields(terminal.error, runId) };
  const body = {
    run_id: runId,
    status: info.status,
    created_at: new Date(info.createdAt).toISOString(),
    ...ended,
  };
  return jsonResponse(context, 200, body, { "x-rivulet-run-id": runId });
}

/** `POST <route>/runs/:id/cancel`: asks the run's owner, on whichever instance, to stop it. */
export async function cancelRunRoute(context: RunRouteContext, runId: string): Promise<Response> {
  refuseCrossSiteForm(context.request, context.options.cors);
  await authorizedInfo(context, runId);
  const cancelled = await context.runs.manager.cancel(runId);
  const info = await context.runs.manager.info(runId);
  return jsonResponse(
    context,
    202,
    { run_id: runId, cancelled, status: info.status },
    { "x-rivulet-run-id": runId },
  );
}

async function authorizedInfo(context: RunRouteContext, runId: string): Promise<RunInfo> {
  const info = checkRoute(context, await context.runs.manager.info(runId));
  await context.runs.authorize?.(context.request, info);
  return info;
}

/** A run started under another route is not found here (its id names no run of this route). */
function checkRoute(context: RunRouteContext, info: RunInfo): RunInfo {
  const route = info.metadata[ROUTE_KEY];
  if (route !== undefined && route !== context.base) {
    throw new RunNotFoundError(info.runId);
  }
  return info;
}

function readRunId(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string" || !/^[\w.:-]{1,128}$/.test(value)) {
    throw new RequestValidationError([
      {
        loc: ["body", "run_id"],
        msg: "`run_id` must be 1 to 128 letters, digits, - _ . or :.",
        type: "string_pattern_mismatch",
      },
    ]);
  }
  return value;
}

/** `?on_disconnect=cancel | continue` (default continue: a resumable run outlives its readers). */
function readOnDisconnect(request: Request): "cancel" | "continue" {
  const raw = singleQueryValue(request, "on_disconnect");
  if (raw === null || raw === "" || raw === "continue") return "continue";
  if (raw === "cancel") return "cancel";
  throw new RequestValidationError([
    {
      loc: ["query", "on_disconnect"],
      msg: 'on_disconnect must be "cancel" or "continue".',
      type: "literal_error",
    },
  ]);
}

/**
 * The log for a reader that asked `on_disconnect=cancel`: when it goes away before the terminal,
 * the run is cancelled (from this instance, whichever owns it), as a request-bound stream would be.
 */
async function* cancelWhenLeft(
  entries: AsyncIterable<RunLogEntry>,
  target: { context: RunRouteContext; runId: string; signal: AbortSignal },
): AsyncGenerator<RunLogEntry> {
  let ended = false;
  let cancelled = false;
  const cancel = () => {
    if (ended || cancelled) return;
    cancelled = true;
    void target.context.runs.manager.cancel(target.runId).catch(() => undefined);
  };
  target.signal.addEventListener("abort", cancel, { once: true });
  try {
    for await (const entry of entries) {
      if (entry.type === "terminal") ended = true;
      yield entry;
    }
  } finally {
    target.signal.removeEventListener("abort", cancel);
    if (!ended && target.signal.aborted) cancel();
  }
}

/** The resume cursor: `Last-Event-ID` (what a reconnecting EventSource sends) first, then `?after=`. */
function readCursor(request: Request): number {
  const header = request.headers.get("last-event-id");
  const raw = header ?? singleQueryValue(request, "after");
  if (raw === null || raw === "") return 0;
  if (!/^\d{1,15}$/.test(raw)) {
    const loc = cursorLocation(request);
    throw new RequestValidationError([
      {
        loc,
        msg: "The resume cursor must be the last event id seen (a non-negative integer).",
        type: "int_parsing",
      },
    ]);
  }
  return Number(raw);
}

/**
 * A query parameter given at most once: `?after=1&after=0` is ambiguous (which cursor did the
 * client mean?), so a repeated one is a 422 instead of silently taking the first.
 */
function singleQueryValue(request: Request, name: string): string | null {
  const values = new URL(request.url).searchParams.getAll(name);
  if (values.length > 1) {
    throw new RequestValidationError([
      {
        loc: ["query", name],
        msg: `\`${name}\` must be given once, got ${values.length} values.`,
        type: "value_error",
      },
    ]);
  }
  return values[0] ?? null;
}

/**
 * A cursor past an ended run's terminal names no record of this run (a client mixing up runs,
 * or a forged id): a 422, not an empty stream a reconnecting client would open for ever.
 */
function checkCursorInRun(request: Request, info: RunInfo, after: number): void {
  const terminalId = info.terminal?.id;
  if (terminalId === undefined || after <= terminalId) return;
  const loc = cursorLocation(request);
  throw new RequestValidationError([
    {
      loc,
      msg: `The resume cursor ${after} is past the end of run ${info.runId} (its last id is ${terminalId}).`,
      type: "less_than_equal",
    },
  ]);
}

/** Where the request's cursor came from, for a 422's `loc`: the `Last-Event-ID` header, or `?after=`. */
function cursorLocation(request: Request): string[] {
  return request.headers.get("last-event-id") === null ? ["query", "after"] : ["header", "last-event-id"];
}
