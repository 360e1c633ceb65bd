import { describeErrorBody } from "./describe-error-body.js";
import { makeProviderError } from "./make-provider-error.js";
import { peekResponse } from "./peek-response.js";
import { readBoundedBody } from "./read-bounded-body.js";
import { type ErrorBodyContext, stoppedReading } from "./read-http-error.js";

/** What a request expects back: a Server-Sent Events stream, newline-delimited JSON, or one JSON document. */
export type ResponseType = "event-stream" | "ndjson" | "json";

interface ResponseTypeRule {
  /** The `accept` header sent for it. */
  accept: string;
  /** How errors name it. */
  label: string;
  /** Whether a media type (lower case, without parameters) is this type. */
  matches(mediaType: string): boolean;
  /** Whether the first bytes of a body that did not say its type look like this type. */
  looksLike(head: string): boolean;
  /** Whether `head` holds enough to decide. */
  decided(head: string): boolean;
}

const SSE_FIRST_LINE = /^(?:$|:|(?:data|event|id|retry)(?::|$))/;

/** The first non-space character, or undefined when only white space came so far. */
const firstCharacter = (head: string) => /\S/.exec(head.replace(/^\uFEFF/, ""))?.[0];
const isJsonMedia = (mediaType: string) => mediaType === "application/json" || mediaType.endsWith("+json");

const RULES: Readonly<Record<ResponseType, ResponseTypeRule>> = {
  "event-stream": {
    accept: "text/event-stream",
    label: "an event stream (text/event-stream)",
    matches: (mediaType) => mediaType === "text/event-stream",
    looksLike: (head) => SSE_FIRST_LINE.test(head.replace(/^\uFEFF/, "").split(/\r|\n/, 1)[0] ?? ""),
    decided: (head) => /\r|\n/.test(head) || head.length >= 64,
  },
  ndjson: {
    accept: "application/x-ndjson",
    label: "newline-delimited JSON (application/x-ndjson)",
    matches: (mediaType) => mediaType === "application/x-ndjson" || mediaType === "application/ndjson",
    looksLike: (head) => ["{", undefined].includes(firstCharacter(head)),
    decided: (head) => firstCharacter(head) !== undefined,
  },
  json: {
    accept: "application/json",
    label: "JSON (application/json)",
    matches: isJsonMedia,
    looksLike: (head) => ["{", "[", undefined].includes(firstCharacter(head)),
    decided: (head) => firstCharacter(head) !== undefined,
  },
};

/** The `accept` header of a request expecting `type`. */
export function acceptHeaderFor(type: ResponseType): string {
  return RULES[type].accept;
}

/** Media types that are surely not a stream of events: a JSON document or an HTML page (a gateway's error). */
function isDocument(mediaType: string): boolean {
  return isJsonMedia(mediaType) || mediaType === "text/html" || mediaType === "application/xhtml+xml";
}

/**
 * Checks that a successful response is what the request asked for before it is decoded, so a
 * gateway's `200` JSON error or HTML page is not read as an empty stream (called truncated,
 * retried, its message lost). A matching `content-type` passes. A JSON or HTML document where a
 * stream was expected is read (within the deadlines, at most 64 KiB) and thrown as a
 * non-retryable `ProviderError` carrying the server's message. A missing or other content type,
 * and a body labelled `text/event-stream` (gateways mislabel their errors), is decided by the
 * first bytes: an event stream starts with a field, a comment or a blank line;
 * NDJSON and JSON with `{` (or `[`). Returns the response to decode.
 */
export async function checkResponseType(
  response: Response,
  type: ResponseType,
  context: ErrorBodyContext,
): Promise<Response> {
  const rule = RULES[type];
  const contentType = response.headers.get("content-type");
  const mediaType = (contentType ?? "").split(";", 1)[0]!.trim().toLowerCase();
  // A body labelled as an event stream is still checked by its first line: gateways send JSON
  // errors and HTML pages with the header the request asked for, and an SSE decoder would skip
  // them as lines without fields (an "empty" stream, retried, the message lost).
  if (rule.matches(mediaType) && type !== "event-stream") return response;
  if (isDocument(mediaType)) throw await notExpected(response, rule, context);
  const peeked = await peekResponse(response, context.signal, rule.decided);
  if (rule.looksLike(peeked.head)) return peeked.response;
  throw await notExpected(peeked.response, rule, context);
}

/** The error for a response that is not what was asked for, with the server's message from its body. */
async function notExpected(
  response: Response,
  rule: ResponseTypeRule,
  context: ErrorBodyContext,
): Promise<Error> {
  const contentType = response.headers.get("content-type");
  const read = await readBoundedBody(response, context.signal);
  const { body, detail, type } = describeErrorBody(read, context.describe, contentType);
  const sent = contentType === null ? "no content type" : `content type "${contentType}"`;
  const error = makeProviderError(
    `${context.provider} answered HTTP ${response.status} with ${sent} instead of ${rule.label}: ${detail ?? "an empty body"}`,
    {
      provider: context.provider,
      status: response.status,
      providerErrorType: type ?? "invalid_response",
      retryable: false,
      body,
    },
  );
  return read.stopped === undefined ? error : stoppedReading(read.stopped, error);
}
