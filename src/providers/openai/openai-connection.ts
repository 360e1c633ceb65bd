import { readEnv } from "../../internal/read-env.js";
import { resolveApiKey } from "../internal/resolve-api-key.js";
import type { OpenAIClientConfiguration } from "./chat-openai-fields.js";

/** OpenAI's own API root; any other `baseURL` is an OpenAI-compatible server. */
export const OPENAI_BASE_URL = "https://api.openai.com/v1";

/** Where and as whom an OpenAI client talks: the options `ChatOpenAI` and `OpenAIEmbeddings` share. */
export interface OpenAIConnectionFields {
  apiKey?: string | undefined;
  baseURL?: string | undefined;
  organization?: string | undefined;
  configuration?: OpenAIClientConfiguration | undefined;
}

/**
 * The API root: `baseURL`, else `configuration.baseURL`, else `OPENAI_API_BASE` or
 * `OPENAI_BASE_URL` (read in that order, as `@langchain/openai` does), else OpenAI's (no
 * trailing slash).
 */
export function resolveOpenAIBaseURL(fields: OpenAIConnectionFields): string {
  const configured =
    fields.baseURL ??
    fields.configuration?.baseURL ??
    readEnv("OPENAI_API_BASE") ??
    readEnv("OPENAI_BASE_URL");
  return (configured ?? OPENAI_BASE_URL).replace(/\/+$/, "");
}

/**
 * The API key: `apiKey`, else `configuration.apiKey`, else `OPENAI_API_KEY`. OpenAI itself always
 * needs one (a `MissingApiKeyError` otherwise); local compatible servers usually need none.
 */
export function resolveOpenAIApiKey(fields: OpenAIConnectionFields, official: boolean): string | undefined {
  const apiKey = fields.apiKey ?? fields.configuration?.apiKey;
  return official ? resolveApiKey(apiKey, "OPENAI_API_KEY", "openai") : (apiKey ?? readEnv("OPENAI_API_KEY"));
}

/**
 * The authentication headers of a request: bearer key, organization (`organization`, else
 * `configuration.organization`, else `OPENAI_ORGANIZATION`) and project when set.
 */
export function openAIAuthHeaders(
  apiKey: string | undefined,
  fields: OpenAIConnectionFields,
): Record<string, string> {
  const headers: Record<string, string> = {};
  if (apiKey !== undefined) headers.authorization = `Bearer ${apiKey}`;
  const organization =
    fields.organization ?? fields.configuration?.organization ?? readEnv("OPENAI_ORGANIZATION");
  if (organization !== undefined) headers["openai-organization"] = organization;
  const project = fields.configuration?.project;
  if (project !== undefined) headers["openai-project"] = project;
  return headers;
}
