import { ProviderError } from "../../errors/provider-error.js";

/** Statuses worth another attempt: timeout, conflict (lock contention), rate limit, server errors. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/**
 * The typed error for a failed HTTP response of an OpenAI-compatible API, keeping the API's
 * own `{ error: { message, type, code } }` (message in the error's message, `type` — else
 * `code` — as `providerErrorType`, the parsed body as `cause`). Non-JSON bodies are quoted.
 */
export function providerErrorFromResponse(provider: string, status: number, bodyText: string): ProviderError {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    body = undefined;
  }
  const error = field(body, "error");
  const message = field(error, "message") ?? (typeof error === "string" ? error : undefined);
  const type = field(error, "type") ?? field(error, "code");
  const detail = typeof message === "string" ? message : bodyText.slice(0, 500) || "(empty body)";
  const typeText = typeof type === "string" ? type : undefined;
  return new ProviderError(`${provider} API error ${status}${typeText ? ` (${typeText})` : ""}: ${detail}`, {
    provider,
    status,
    retryable: isRetryableStatus(status),
    ...(typeText === undefined ? {} : { providerErrorType: typeText }),
    ...(body === undefined ? {} : { cause: body }),
  });
}
