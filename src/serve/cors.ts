import { InvalidConfigError } from "../errors/input-errors.js";
import { checkNumberOption } from "../internal/check-number-option.js";

/** Cross-origin access for browser clients (the `cors` option of `serve`). */
export interface CorsOptions {
  /** Origins allowed: `"*"` (the default), a list of exact origins, or a predicate. */
  origin?: "*" | readonly string[] | ((origin: string) => boolean) | undefined;
  /** Send `Access-Control-Allow-Credentials: true` (not with `origin: "*"`). */
  credentials?: boolean | undefined;
  /** Request headers a browser may send besides the defaults (`Content-Type`, `Authorization`, `X-Rivulet-Dialect`). */
  allowHeaders?: readonly string[] | undefined;
  /** Seconds a browser may cache a preflight answer (default 600). */
  maxAgeSeconds?: number | undefined;
}

/** The CORS settings after checking. */
export interface ResolvedCors {
  readonly allows: (origin: string) => boolean;
  readonly anyOrigin: boolean;
  readonly credentials: boolean;
  readonly allowHeaders: string;
  readonly maxAgeSeconds: number;
}

const DEFAULT_HEADERS = ["Content-Type", "Authorization", "X-Rivulet-Dialect"];
/** Response headers a browser client needs to read (the dialect and the run id). */
const EXPOSED_HEADERS = "Content-Type, X-Rivulet-Dialect, X-Rivulet-Run-Id";

/** Checks the `cors` option: `true` is every origin, `false` or absent no CORS headers at all. */
export function resolveCors(option: CorsOptions | boolean | undefined): ResolvedCors | undefined {
  if (option === undefined || option === false) return undefined;
  const options: CorsOptions = option === true ? {} : option;
  const origin = options.origin ?? "*";
  const anyOrigin = origin === "*";
  if (anyOrigin && options.credentials === true) {
    throw new InvalidConfigError(
      "serve: `cors.credentials` needs explicit origins; browsers refuse credentials with `*`.",
    );
  }
  let allows: (candidate: string) => boolean;
  if (typeof origin === "function") allows = guardedPredicate(origin);
  else if (Array.isArray(origin)) allows = (candidate) => origin.includes(candidate);
  else if (anyOrigin) allows = () => true;
  else throw new InvalidConfigError('serve: `cors.origin` must be "*", a list of origins, or a function.');
  return {
    allows,
    anyOrigin,
    credentials: options.credentials === true,
    allowHeaders: [...DEFAULT_HEADERS, ...checkHeaderNames(options.allowHeaders ?? [])].join(", "),
    maxAgeSeconds:
      checkNumberOption("cors.maxAgeSeconds", options.maxAgeSeconds, "non-negative-integer") ?? 600,
  };
}

/**
 * The origin predicate, answering false when it throws: the Origin header is the client's, and a
 * predicate that chokes on a hostile one (`null`, garbage) must refuse it, not fail the request.
 */
function guardedPredicate(predicate: (origin: string) => boolean): (origin: string) => boolean {
  return (origin) => {
    try {
      return predicate(origin) === true;
    } catch {
      return false;
    }
  };
}

/** An HTTP header name (RFC 9110 token); anything else would make every preflight throw. */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

function checkHeaderNames(names: readonly string[]): readonly string[] {
  if (!Array.isArray(names))
    throw new InvalidConfigError("serve: `cors.allowHeaders` must be a list of header names.");
  for (const name of names) {
    if (typeof name !== "string" || !HEADER_NAME.test(name)) {
      throw new InvalidConfigError(
        `serve: \`cors.allowHeaders\` holds ${JSON.stringify(name)}, which is not a header name (letters, digits, - and a few symbols).`,
      );
    }
  }
  return names;
}

/** Adds the CORS headers for `request`'s origin to `headers` (none when the origin is not allowed). */
export function addCorsHeaders(headers: Headers, request: Request, cors: ResolvedCors | undefined): void {
  if (cors === undefined) return;
  const origin = request.headers.get("origin");
  if (!cors.anyOrigin) headers.append("vary", "Origin");
  if (origin === null || !cors.allows(origin)) return;
  headers.set("access-control-allow-origin", cors.anyOrigin ? "*" : origin);
  headers.set("access-control-expose-headers", EXPOSED_HEADERS);
  if (cors.credentials) headers.set("access-control-allow-credentials", "true");
}

/** The answer to a preflight `OPTIONS` request for a route that accepts `allow`. */
export function preflightResponse(request: Request, cors: ResolvedCors | undefined, allow: string): Response {
  const headers = new Headers({ allow });
  addCorsHeaders(headers, request, cors);
  if (cors !== undefined && headers.has("access-control-allow-origin")) {
    headers.set("access-control-allow-methods", allow);
    headers.set("access-control-allow-headers", cors.allowHeaders);
    headers.set("access-control-max-age", String(cors.maxAgeSeconds));
  }
  return new Response(null, { status: 204, headers });
}
