import type { BoundedBody } from "./read-bounded-body.js";

/** What a provider's error payload says: its message and its error type or code. */
export interface ErrorDescription {
  message?: string | undefined;
  type?: string | undefined;
}

/** Reads a provider's error payload (parsed JSON, or the readable text when it is not JSON). */
export type DescribeError = (body: unknown) => ErrorDescription;

/** An error body as an error reports it. */
export interface DescribedBody {
  /** The payload as received: parsed JSON when it was JSON, else the text (undefined when empty). */
  body: unknown;
  /** The server's message for the error's text, with a note when the body was cut short. */
  detail: string | undefined;
  /** The provider's error type or code, when the payload names one. */
  type: string | undefined;
}

/** The longest piece of a non-JSON body quoted in a message. */
const MAX_QUOTED_CHARS = 500;

/** The visible text of an HTML page (gateways answer with one), so its message is not lost in markup. */
function htmlText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function parse(text: string, contentType: string | null): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    if (text.trim() === "") return undefined;
    const html = (contentType ?? "").includes("html") || text.trimStart().startsWith("<");
    return html ? htmlText(text) : text;
  }
}

function describeNetworkReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause: unknown = error.cause;
  return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
}

/**
 * Turns what was read of an error body into the parts of a `ProviderError`: the payload, the
 * provider's message (via `describe`, else the body's first characters; the visible text for
 * HTML) and its error type. A body cut at the size cap says "(truncated)"; one cut off by a
 * connection failure says so too, so the reader knows the message may be partial.
 */
export function describeErrorBody(
  read: BoundedBody,
  describe: DescribeError,
  contentType: string | null,
): DescribedBody {
  const readable = parse(read.text, contentType);
  const { message, type } = describe(readable);
  // A payload the provider's reader does not know (a gateway's JSON) is quoted rather than lost.
  const quoted = typeof readable === "string" ? readable : read.text.trim();
  let detail = message ?? (quoted === "" ? undefined : quoted.slice(0, MAX_QUOTED_CHARS));
  if (read.truncated) detail = `${detail ?? ""} (truncated)`.trimStart();
  if (read.readError !== undefined) {
    detail =
      `${detail ?? ""} (the rest of the body was lost: ${describeNetworkReason(read.readError)})`.trimStart();
  }
  if (read.stopped !== undefined) detail = `${detail ?? ""} (the body stopped arriving)`.trimStart();
  const body = typeof readable === "string" && read.text.trim() !== "" ? read.text : readable;
  return { body, detail, type };
}
