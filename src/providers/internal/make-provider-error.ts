import { ProviderError } from "../../errors/provider-error.js";

/** The fields of a provider error, any of which may be unknown at the place it is built. */
export interface ProviderErrorInit {
  provider: string;
  retryable: boolean;
  status?: number | undefined;
  providerErrorType?: string | undefined;
  body?: unknown;
  cause?: unknown;
}

/** Builds a `ProviderError`, leaving out the fields that are unknown (the class wants them absent, not undefined). */
export function makeProviderError(message: string, init: ProviderErrorInit): ProviderError {
  return new ProviderError(message, {
    provider: init.provider,
    retryable: init.retryable,
    ...(init.status === undefined ? {} : { status: init.status }),
    ...(init.providerErrorType === undefined ? {} : { providerErrorType: init.providerErrorType }),
    ...(init.body === undefined ? {} : { body: init.body }),
    ...(init.cause === undefined ? {} : { cause: init.cause }),
  });
}

/**
 * The error of an attempt as the caller gets it: the HTTP status of the answer filled in when the
 * error (an event inside the stream, a truncated stream) did not know it, and marked not
 * retryable once chunks reached the caller (a retry would repeat them). Unchanged when neither applies.
 */
export function settleProviderError(
  error: ProviderError,
  progress: { status: number | undefined; emitted: boolean },
): ProviderError {
  const status = error.status ?? progress.status;
  const retryable = error.retryable && !progress.emitted;
  if (status === error.status && retryable === error.retryable) return error;
  return makeProviderError(error.message, {
    provider: error.provider,
    retryable,
    status,
    providerErrorType: error.providerErrorType,
    body: error.body,
    cause: error.cause,
  });
}
