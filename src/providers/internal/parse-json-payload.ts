import type { ProviderError } from "../../errors/provider-error.js";
import { makeProviderError } from "./make-provider-error.js";

/** Where a JSON payload came from, for the error when it is not JSON. */
export interface PayloadSource {
  provider: string;
  /** The HTTP status of the response it was in. */
  status: number;
  /** What it is, for the message ("an event's data", "the body"). */
  what: string;
}

/** The longest piece of unreadable text quoted in a message. */
const MAX_QUOTED_CHARS = 200;

/**
 * Parses JSON the provider sent (an SSE event's data, a response body). Text that is not JSON is
 * a non-retryable `ProviderError` of type `invalid_response` that quotes it (the first 200
 * characters) and keeps it whole as `body`, so what the server said is never lost.
 */
export function parseJsonPayload(text: string, source: PayloadSource): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw unreadable(text, source, error);
  }
}

function unreadable(text: string, source: PayloadSource, cause: unknown): ProviderError {
  const shown = text.length > MAX_QUOTED_CHARS ? `${text.slice(0, MAX_QUOTED_CHARS)}...` : text;
  return makeProviderError(`${source.provider} sent ${source.what} that is not JSON: ${shown}`, {
    provider: source.provider,
    status: source.status,
    providerErrorType: "invalid_response",
    retryable: false,
    body: text,
    cause,
  });
}
