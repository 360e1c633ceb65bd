import type { ProviderError } from "../../errors/provider-error.js";
import { makeProviderError } from "./make-provider-error.js";
import { isRetryableStatus, parseRetryAfter } from "./retry-policy.js";

/** What a provider's error payload says: its message and its error type or code. */
export interface ErrorDescription {
  message?: string | undefined;
  type?: string | undefined;
}

/** Reads a provider's error payload (parsed JSON, or the raw text when it is not JSON). */
export type DescribeError = (body: unknown) => ErrorDescription;

/** An HTTP error answer: the typed error and the pause the server asked for, if any. */
export interface HttpFailure {
  error: ProviderError;
  retryAfterMs: number | undefined;
}

async function readBody(response: Response): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text === "" ? undefined : text;
  }
}

function hintFor(status: number): string {
  if (status === 401 || status === 403) return " (check the API key and its permissions)";
  if (status === 404) return " (check the model name and the base URL)";
  return "";
}

/**
 * Turns a non-2xx response into a `ProviderError`: the provider's own message and error type,
 * whether a retry can help (408/409/429/5xx, or the server's `x-should-retry`), and the
 * `retry-after` pause.
 */
export async function readHttpError(
  response: Response,
  provider: string,
  describe: DescribeError,
): Promise<HttpFailure> {
  const body = await readBody(response);
  const { message, type } = describe(body);
  const detail = message ?? (typeof body === "string" ? body.slice(0, 500) : response.statusText);
  const error = makeProviderError(
    `${provider} answered HTTP ${response.status}${hintFor(response.status)}: ${detail}`,
    {
      provider,
      status: response.status,
      providerErrorType: type,
      retryable: isRetryableStatus(response.status, response.headers),
      body,
    },
  );
  return { error, retryAfterMs: parseRetryAfter(response.headers) };
}
