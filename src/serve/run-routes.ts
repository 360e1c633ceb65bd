import { preflightResponse } from "./cors.js";
import { errorResponse } from "./error-response.js";
import { jsonResponse, type RouteContext } from "./route-context.js";
import type { ServedRunnable } from "./route-table.js";
import {
  cancelRunRoute,
  type RunRouteContext,
  type RunWaitUntil,
  runStatusRoute,
  startRunRoute,
  streamRunRoute,
} from "./run-route-handlers.js";

/** A request path resolved to one of a served Runnable's run routes. */
export interface RunRouteMatch {
  readonly served: ServedRunnable;
  readonly route: "start" | "stream" | "status" | "cancel";
  /** The run id from the path (empty for `start`). */
  readonly runId: string;
}

const METHODS = { start: "POST", stream: "GET", status: "GET", cancel: "POST" } as const;

/**
 * Matches `<base>/runs`, `<base>/runs/:id`, `<base>/runs/:id/stream` and `<base>/runs/:id/cancel`
 * under the longest base path the request is under (the table is ordered longest first), so
 * `/x/runs/invoke` stays the `invoke` route of a Runnable served at `/x/runs`.
 */
export function matchRunRoute(table: readonly ServedRunnable[], pathname: string): RunRouteMatch | undefined {
  const served = table.find((entry) => pathname.startsWith(`${entry.basePath}/`));
  if (served === undefined) return undefined;
  const rest = pathname.slice(served.basePath.length);
  if (rest === "/runs") return { served, route: "start", runId: "" };
  const parts = rest.split("/");
  const runId = decodeRunId(parts[2]);
  if (parts[1] !== "runs" || runId === undefined) return undefined;
  if (parts.length === 3) return { served, route: "status", runId };
  if (parts.length === 4 && parts[3] === "stream") return { served, route: "stream", runId };
  if (parts.length === 4 && parts[3] === "cancel") return { served, route: "cancel", runId };
  return undefined;
}

function decodeRunId(segment: string | undefined): string | undefined {
  if (segment === undefined || segment === "") return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * Answers one run route: the method check (and CORS preflight), the handler, and its failure as
 * serve's other routes answer one (a `RunNotFoundError` 404, an `HttpError` from `authorize` its status).
 */
export async function runRoute(
  match: RunRouteMatch,
  context: RouteContext,
  serveContext: RunWaitUntil | undefined,
): Promise<Response> {
  const runs = context.options.runs;
  if (runs === undefined) return jsonResponse(context, 404, { detail: "Not Found" });
  const method = METHODS[match.route];
  const allow = method === "GET" ? "GET, HEAD, OPTIONS" : "POST, OPTIONS";
  const { request } = context;
  if (request.method === "OPTIONS") return preflightResponse(request, context.options.cors, allow);
  const asked = request.method === "HEAD" && method === "GET" ? "GET" : request.method;
  if (asked !== method) return jsonResponse(context, 405, { detail: "Method Not Allowed" }, { allow });
  const base = `${context.options.prefix}${match.served.basePath}`;
  const runContext: RunRouteContext = { ...context, runs, base, serveContext };
  try {
    const response = await handleRunRoute(match, runContext);
    if (request.method !== "HEAD") return response;
    // A HEAD of a live stream must not leave its reader waiting on the run.
    void response.body?.cancel().catch(() => undefined);
    return new Response(null, response);
  } catch (error) {
    return errorResponse(context, error, match.runId === "" ? {} : { runId: match.runId });
  }
}

function handleRunRoute(match: RunRouteMatch, context: RunRouteContext): Promise<Response> {
  switch (match.route) {
    case "start":
      return startRunRoute(context);
    case "stream":
      return streamRunRoute(context, match.runId);
    case "status":
      return runStatusRoute(context, match.runId);
    case "cancel":
      return cancelRunRoute(context, match.runId);
  }
}
