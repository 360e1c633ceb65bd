import { requestDialect } from "../wire/wire-dialect.js";
import { addCorsHeaders, preflightResponse } from "./cors.js";
import { errorResponse } from "./error-response.js";
import { batchRoute, invokeRoute } from "./invoke-routes.js";
import { playgroundRoute } from "./playground/playground-route.js";
import { dialectHeaders, jsonResponse, type RouteContext } from "./route-context.js";
import { buildRouteTable, matchRoute, type ServeRoutes } from "./route-table.js";
import { matchRunRoute, runRoute } from "./run-routes.js";
import { configSchemaRoute, inputSchemaRoute, outputSchemaRoute } from "./schema-routes.js";
import { type ResolvedServeOptions, resolveServeOptions, type ServeOptions } from "./serve-options.js";
import { streamEventsRoute, streamLogRoute, streamRoute } from "./stream-routes.js";

/** What a runtime may pass beside the request (Cloudflare's and Vercel's `ctx`): `waitUntil` keeps a durable run's producer alive. */
export interface ServeContext {
  waitUntil?(promise: Promise<unknown>): void;
}

/** A web-standard handler: mounts as `Bun.serve(app)`, `Deno.serve(app.fetch)`, a Worker's default export. */
export interface ServeApp {
  fetch(request: Request, context?: ServeContext): Promise<Response>;
}

type RouteHandler = (context: RouteContext) => Promise<Response> | Response;

const ROUTES: Readonly<Record<string, { method: "GET" | "POST"; handle: RouteHandler }>> = {
  invoke: { method: "POST", handle: invokeRoute },
  batch: { method: "POST", handle: batchRoute },
  stream: { method: "POST", handle: streamRoute },
  stream_log: { method: "POST", handle: streamLogRoute },
  stream_events: { method: "POST", handle: streamEventsRoute },
  input_schema: { method: "GET", handle: inputSchemaRoute },
  output_schema: { method: "GET", handle: outputSchemaRoute },
  config_schema: { method: "GET", handle: configSchemaRoute },
  playground: { method: "GET", handle: playgroundRoute },
};

/**
 * Serves Runnables over HTTP with LangServe's routes: under each base path, `POST invoke`,
 * `batch`, `stream`, `stream_log`, `stream_events` and `GET input_schema`, `output_schema`,
 * `config_schema`, `playground/` (the browser playground; off with `playground: false`). The result is a web-standard `fetch` handler; Node's `http` and Express go
 * through `toNodeListener`, or `listen` starts a server. Options are checked here, so a bad one
 * fails at start-up. See docs/serving.md for the bodies, the SSE framing, dialects and limits.
 *
 * @example
 * const app = serve({ "/joke": prompt.pipe(model) }, { configKeys: ["configurable", "tags"] });
 * export default app; // a Cloudflare Worker, or Bun.serve(app)
 */
export function serve(routes: ServeRoutes, options: ServeOptions = {}): ServeApp {
  const table = buildRouteTable(routes);
  const resolved = resolveServeOptions(options);
  return {
    fetch: async (request: Request, context?: ServeContext) => handle(request, table, resolved, context),
  };
}

async function handle(
  request: Request,
  table: ReturnType<typeof buildRouteTable>,
  options: ResolvedServeOptions,
  serveContext?: ServeContext,
): Promise<Response> {
  const dialect = requestDialect(request, options.serialization);
  const headers = dialectHeaders(dialect);
  addCorsHeaders(headers, request, options.cors);
  const pathname = stripPrefix(new URL(request.url).pathname, options.prefix);
  const runMatch =
    pathname === undefined || options.runs === undefined ? undefined : matchRunRoute(table, pathname);
  if (runMatch !== undefined) {
    const context = { runnable: runMatch.served.runnable, request, dialect, options, headers };
    return runRoute(runMatch, context, serveContext);
  }
  const match = pathname === undefined ? undefined : matchRoute(table, pathname);
  const route = match === undefined || !routeIsOn(match.route, options) ? undefined : ROUTES[match.route];
  if (match === undefined || route === undefined) {
    headers.set("content-type", "application/json");
    return new Response(JSON.stringify({ detail: "Not Found" }), { status: 404, headers });
  }
  const context: RouteContext = { runnable: match.served.runnable, request, dialect, options, headers };
  const allow = route.method === "GET" ? "GET, HEAD, OPTIONS" : "POST, OPTIONS";
  if (request.method === "OPTIONS") return preflightResponse(request, options.cors, allow);
  const method = request.method === "HEAD" && route.method === "GET" ? "GET" : request.method;
  if (method !== route.method) return jsonResponse(context, 405, { detail: "Method Not Allowed" }, { allow });
  try {
    const response = await route.handle(context);
    return request.method === "HEAD" ? new Response(null, response) : response;
  } catch (error) {
    return errorResponse(context, error);
  }
}

function routeIsOn(route: string, options: ResolvedServeOptions): boolean {
  return Object.hasOwn(ROUTES, route) && (route !== "playground" || options.playground);
}

function stripPrefix(pathname: string, prefix: string): string | undefined {
  if (prefix === "") return pathname;
  return pathname.startsWith(`${prefix}/`) ? pathname.slice(prefix.length) : undefined;
}
