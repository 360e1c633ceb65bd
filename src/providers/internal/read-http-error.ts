import { TimeoutError } from "../../errors/abort-error.js";
import type { ProviderError } from "../../errors/provider-error.js";
import { type DescribeError, describeErrorBody } from "./describe-error-body.js";
import { makeProviderError } from "./make-provider-error.js";
import { readBoundedBody } from "./read-bounded-body.js";
import { isRetryableStatus, parseRetryAfter } from "./retry-policy.js";

/** An HTTP error answer: the typed error and the pause the server asked for, if any. */
export interface HttpFailure {
  error: ProviderError;
  retryAfterMs: number | undefined;
}

/** What reading an error body needs: the provider (for messages), how to read its payload, and the attempt's signal. */
export interface ErrorBodyContext {
  provider: string;
  describe: DescribeError;
  /** Aborts on the caller's signal and on every deadline; it bounds the body read. */
  signal: AbortSignal;
}

function hintFor(status: number): string {
  if (status === 401 || status === 403) return " (check the API key and its permissions)";
  if (status === 404) return " (check the model name and the base URL)";
  return "";
}

/**
 * The typed abort error for a body read the signal cut short. A timeout keeps what the server had
 * said (its status, the body so far) as its cause; timeouts are not retried.
 */
export function stoppedReading(stopped: Error, said: ProviderError): Error {
  if (!TimeoutError.isInstance(stopped)) return stopped;
  return new TimeoutError(stopped.timeoutMs, stopped.kind, { cause: said });
}

/**
 * Turns a non-2xx response into a `ProviderError`: the provider's own message and error type,
 * whether a retry can help (408/409/429/5xx, or the server's `x-should-retry`), and the
 * `retry-after` pause. The body is read within the call's deadlines and at most 64 KiB of it;
 * when a deadline or the caller's signal stops the read, that typed error is thrown instead
 * (with this one as its cause).
 */
export async function readHttpError(response: Response, context: ErrorBodyContext): Promise<HttpFailure> {
  const { provider } = context;
  const read = await readBoundedBody(response, context.signal);
  const { body, detail, type } = describeErrorBody(
    read,
    context.describe,
    response.headers.get("content-type"),
  );
  const error = makeProviderError(
    `${provider} answered HTTP ${response.status}${hintFor(response.status)}: ${detail ?? (response.statusText || "no message")}`,
    {
      provider,
      status: response.status,
      providerErrorType: type,
      retryable: isRetryableStatus(response.status, response.headers),
      body,
    },
  );
  if (read.stopped !== undefined) throw stoppedReading(read.stopped, error);
  return { error, retryAfterMs: parseRetryAfter(response.headers) };
}
