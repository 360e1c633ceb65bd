import { makeProviderError } from "./make-provider-error.js";

/** The body of a streaming response, or a `ProviderError` when the server sent none. */
export function responseBody(response: Response, provider: string): ReadableStream<Uint8Array> {
  if (response.body === null) {
    throw makeProviderError(`${provider} answered HTTP ${response.status} with no body to stream`, {
      provider,
      status: response.status,
      providerErrorType: "invalid_response",
      retryable: false,
    });
  }
  return response.body;
}

/** The error for a stream that ended before the provider's end marker (a truncated answer). */
export function truncatedStreamError(provider: string, expected: string): Error {
  return makeProviderError(`The ${provider} stream ended before ${expected}: the answer is incomplete`, {
    provider,
    providerErrorType: "connection",
    retryable: true,
  });
}
