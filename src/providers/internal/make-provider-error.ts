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

/** The same error marked not retryable (chunks already reached the caller, so a retry would repeat them). */
export function asFinal(error: ProviderError): ProviderError {
  if (!error.retryable) return error;
  return makeProviderError(error.message, {
    provider: error.provider,
    retryable: false,
    status: error.status,
    providerErrorType: error.providerErrorType,
    body: error.body,
    cause: error.cause,
  });
}
