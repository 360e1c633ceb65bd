import { hasMarker, RivuletError, type RivuletErrorOptions } from "./rivulet-error.js";

/** What a provider error carries besides its message. */
export interface ProviderErrorFields extends RivuletErrorOptions {
  /** The provider that failed, e.g. `"openai"`. */
  provider: string;
  /** The HTTP status, when the provider answered at all (absent for network errors). */
  status?: number;
  /** The provider's own error type or code, e.g. `"invalid_request_error"`. */
  providerErrorType?: string;
  /** Whether trying again may succeed (rate limits, timeouts, 5xx, network failures). */
  retryable: boolean;
  /** The provider's error payload as received (parsed JSON when it was JSON), for logging. */
  body?: unknown;
}

const PROVIDER_ERROR = Symbol.for("rivulet.error.ProviderError");

/**
 * A model or embeddings provider failed: an HTTP error status, an unreadable response, or a
 * network failure. `status` and `providerErrorType` keep what the provider said; `retryable`
 * tells callers (and Rivulet's own retry loops) whether another attempt can help.
 *
 * @example
 * try { await embeddings.embedQuery("hi"); }
 * catch (e) { if (ProviderError.isInstance(e) && e.status === 401) askForKey(); }
 */
export class ProviderError extends RivuletError {
  /** Marks instances of this class for `isInstance` (see {@link RivuletError}). */
  readonly [PROVIDER_ERROR] = true;
  readonly provider: string;
  readonly status: number | undefined;
  readonly providerErrorType: string | undefined;
  readonly retryable: boolean;
  readonly body: unknown;

  constructor(message: string, fields: ProviderErrorFields) {
    super("provider", message, fields.cause === undefined ? {} : { cause: fields.cause });
    this.provider = fields.provider;
    this.status = fields.status;
    this.providerErrorType = fields.providerErrorType;
    this.retryable = fields.retryable;
    this.body = fields.body;
  }
  static override isInstance = hasMarker<ProviderError>(PROVIDER_ERROR);
}

const MISSING_API_KEY_ERROR = Symbol.for("rivulet.error.MissingApiKeyError");

/**
 * A provider needs an API key and none was given: neither the `apiKey` option nor the
 * environment variable named in `envVar` (e.g. `OPENAI_API_KEY`) is set.
 *
 * @example
 * new OpenAIEmbeddings(); // throws MissingApiKeyError when OPENAI_API_KEY is unset
 */
export class MissingApiKeyError extends RivuletError {
  /** Marks instances of this class for `isInstance` (see {@link RivuletError}). */
  readonly [MISSING_API_KEY_ERROR] = true;
  readonly provider: string;
  readonly envVar: string;

  constructor(provider: string, envVar: string) {
    super(
      "missing_api_key",
      `No API key for ${provider}: pass \`apiKey\` or set the ${envVar} environment variable.`,
    );
    this.provider = provider;
    this.envVar = envVar;
  }
  static override isInstance = hasMarker<MissingApiKeyError>(MISSING_API_KEY_ERROR);
}
