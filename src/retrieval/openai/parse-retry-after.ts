/** Longer waits than this are not honoured: the caller is better served by an error it can act on. */
const MAX_RETRY_AFTER_MS = 60_000;

/**
 * How long the server asked us to wait, in ms: `retry-after-ms` (OpenAI's), else `retry-after`
 * as seconds (`"2"`, `"0.5"`) or as an HTTP date. Undefined when absent, unreadable, or longer
 * than a minute (then the normal backoff applies).
 *
 * @example
 * parseRetryAfter(new Headers({ "retry-after": "2" })); // 2000
 */
export function parseRetryAfter(headers: Headers, now: number = Date.now()): number | undefined {
  const ms = headers.get("retry-after-ms");
  const value = headers.get("retry-after");
  let wait: number | undefined;
  if (ms !== null && ms.trim() !== "" && Number.isFinite(Number(ms))) wait = Number(ms);
  else if (value !== null && value.trim() !== "") {
    const seconds = Number(value);
    if (Number.isFinite(seconds)) wait = seconds * 1000;
    else {
      const date = Date.parse(value);
      if (!Number.isNaN(date)) wait = date - now;
    }
  }
  if (wait === undefined || wait > MAX_RETRY_AFTER_MS) return undefined;
  return Math.max(0, wait);
}
