import { MissingApiKeyError } from "../../errors/provider-error.js";
import { readEnv } from "../../internal/read-env.js";

/** The API key from the `apiKey` option, else from `envVar`; a `MissingApiKeyError` naming both when neither is set. */
export function resolveApiKey(apiKey: string | undefined, envVar: string, provider: string): string {
  const key = apiKey ?? readEnv(envVar);
  if (key === undefined || key.trim() === "") throw new MissingApiKeyError(provider, envVar);
  return key;
}
