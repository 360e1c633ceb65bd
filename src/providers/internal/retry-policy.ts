/** A server asking for a longer pause than this is not waited for: the error is reported instead. */
export const MAX_RETRY_AFTER_MS = 60_000;

/**
 * How long the server asked us to wait, from `retry-after-ms` (milliseconds, sent by OpenAI) or
 * `retry-after` (seconds or an HTTP date). Undefined when neither is present or readable.
 */
export function parseRetryAfter(headers: Headers, now: number = Date.now()): number | undefined {
  const ms = Number.parseFloat(headers.get("retry-after-ms") ?? "");
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers.get("retry-after");
  if (value === null || value.trim() === "") return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Whether an HTTP status is worth retrying (timeouts, conflicts, rate limits, server errors). */
export function isRetryableStatus(status: number, headers: Headers): boolean {
  // OpenAI and Anthropic say explicitly when a retry will (not) help; that beats the status.
  const hint = headers.get("x-should-retry");
  if (hint === "true") return true;
  if (hint === "false") return false;
  return status === 408 || status === 409 || status === 429 || status >= 500;
}
