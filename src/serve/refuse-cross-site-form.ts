import { HttpError } from "../errors/http-error.js";
import type { ResolvedCors } from "./cors.js";

/** Content types a browser sends cross-origin without a preflight (the CORS-safelisted ones). */
const SIMPLE_TYPES: ReadonlySet<string> = new Set([
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data",
]);

/**
 * Refuses (403) a POST that a page on another origin made without a preflight: a form-like
 * content type (or none) and an `Origin` that is neither the server's own nor allowed by its CORS
 * option. The page could not read the answer, but the run (and its cost) would happen, even on a
 * server that listens on localhost only. Requests without an `Origin` (curl, servers) and JSON
 * requests (which browsers preflight) are not affected.
 *
 * @example
 * refuseCrossSiteForm(request, options.cors); // throws HttpError 403 for a cross-site form post
 */
export function refuseCrossSiteForm(request: Request, cors: ResolvedCors | undefined): void {
  const origin = request.headers.get("origin");
  if (origin === null) return;
  const type =
    (request.headers.get("content-type") ?? "text/plain").split(";")[0]?.trim().toLowerCase() ?? "";
  if (!SIMPLE_TYPES.has(type)) return;
  if (origin === new URL(request.url).origin || cors?.allows(origin) === true) return;
  throw new HttpError(
    `Cross-origin ${type} POST from ${origin} refused: send JSON (Content-Type: application/json), ` +
      "or allow this origin with the server's `cors` option.",
    { status: 403 },
  );
}
