import type { RunnableConfig } from "../config/runnable-config.js";
import { combineSignals } from "../internal/abort.js";
import { isPlainObject } from "../internal/is-plain-object.js";
import type { Runnable } from "../runnables/runnable.js";
import { serializeEventData } from "../sse/serialize-event-data.js";
import { DIALECT_HEADER, type WireDialect } from "../wire/wire-dialect.js";
import { filterConfig } from "./filter-config.js";
import { readJsonBody } from "./read-json-body.js";
import { refuseCrossSiteForm } from "./refuse-cross-site-form.js";
import { RequestValidationError } from "./request-validation-error.js";
import type { ResolvedServeOptions } from "./serve-options.js";

/** Everything a route handler reads about one request. */
export interface RouteContext {
  readonly runnable: Runnable;
  readonly request: Request;
  readonly dialect: WireDialect;
  readonly options: ResolvedServeOptions;
  /** Response headers so far (CORS, the dialect); handlers add theirs. */
  readonly headers: Headers;
}

/** The request body as a JSON object, or a 422 naming what was sent instead (403 for a cross-site form post). */
export async function readBodyObject(context: RouteContext): Promise<Record<string, unknown>> {
  refuseCrossSiteForm(context.request, context.options.cors);
  const { maxBodyBytes, maxJsonDepth } = context.options;
  const body = await readJsonBody(context.request, { maxBodyBytes, maxDepth: maxJsonDepth });
  if (!isPlainObject(body)) {
    throw new RequestValidationError([
      { loc: ["body"], msg: "The body must be a JSON object.", type: "model_type" },
    ]);
  }
  return body;
}

/** `body[key]`, or a 422 `missing` issue when the body has no such field. */
export function requireField(body: Record<string, unknown>, key: string): unknown {
  if (!Object.hasOwn(body, key) || body[key] === undefined) {
    throw new RequestValidationError([{ loc: ["body", key], msg: "Field required", type: "missing" }]);
  }
  return body[key];
}

/**
 * The config one run gets: the client's config through the allow-list, then the server's
 * `perRequestConfig` hook, then the run id and the signal, which the server alone sets.
 */
export async function runConfig(
  context: RouteContext,
  raw: unknown,
  loc: (string | number)[],
  run: { runId: string; signal: AbortSignal },
): Promise<RunnableConfig> {
  let config = filterConfig(raw, context.options.configKeys, loc);
  if (context.options.perRequestConfig !== undefined) {
    config = await context.options.perRequestConfig(config, context.request);
  }
  return { ...config, runId: run.runId, signal: combineSignals(config.signal, run.signal) ?? run.signal };
}

/**
 * A JSON response with the context's headers. The body is written as SSE `data` is (bigints as
 * strings, errors as `{ name, message }`, cycles as `"[Circular]"`), so `invoke` answers what
 * `stream` would send, and a bigint in an output cannot fail a finished run. A `toJSON` that
 * throws still throws: callers writing a run's output catch it.
 */
export function jsonResponse(
  context: RouteContext,
  status: number,
  body: unknown,
  extra: Record<string, string> = {},
): Response {
  const headers = new Headers(context.headers);
  headers.set("content-type", "application/json");
  for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  return new Response(serializeEventData(body), { status, headers });
}

/** The headers every response of a request carries: the dialect it is written in. */
export function dialectHeaders(dialect: WireDialect): Headers {
  return new Headers({ [DIALECT_HEADER]: dialect });
}
