import { describe, expect, it } from "vitest";
import { isRetryableStatus, MAX_RETRY_AFTER_MS, parseRetryAfter } from "./retry-policy.js";

describe("parseRetryAfter", () => {
  const now = Date.parse("2025-08-01T10:00:00Z");
  const parse = (headers: Record<string, string>) => parseRetryAfter(new Headers(headers), now);

  it("prefers retry-after-ms (OpenAI's), in milliseconds", () => {
    expect(parse({ "retry-after-ms": "250", "retry-after": "9" })).toBe(250);
    expect(parse({ "retry-after-ms": "0" })).toBe(0);
    expect(parse({ "retry-after-ms": "soon", "retry-after": "2" })).toBe(2000);
  });

  it("reads retry-after as whole or fractional seconds", () => {
    expect(parse({ "retry-after": "0" })).toBe(0);
    expect(parse({ "retry-after": "3" })).toBe(3000);
    expect(parse({ "retry-after": "0.5" })).toBe(500);
  });

  it("reads retry-after as an HTTP date relative to now, never negative", () => {
    expect(parse({ "retry-after": "Fri, 01 Aug 2025 10:00:05 GMT" })).toBe(5000);
    expect(parse({ "retry-after": "Fri, 01 Aug 2025 09:00:00 GMT" })).toBe(0);
  });

  it("ignores absent, empty or unreadable values", () => {
    expect(parse({})).toBeUndefined();
    expect(parse({ "retry-after": "" })).toBeUndefined();
    expect(parse({ "retry-after": "soon" })).toBeUndefined();
  });

  it("reports long pauses as asked: the transport, not the parser, refuses to wait past the cap", () => {
    expect(parse({ "retry-after": "3600" })).toBe(3_600_000);
    expect(parse({ "retry-after": "3600" })).toBeGreaterThan(MAX_RETRY_AFTER_MS);
  });
});

describe("isRetryableStatus", () => {
  it("retries 408, 409, 429 and 5xx unless x-should-retry says otherwise", () => {
    const none = new Headers();
    expect([408, 409, 429, 500, 503, 529].map((s) => isRetryableStatus(s, none))).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect([400, 401, 403, 404, 422].some((s) => isRetryableStatus(s, none))).toBe(false);
    expect(isRetryableStatus(500, new Headers({ "x-should-retry": "false" }))).toBe(false);
    expect(isRetryableStatus(400, new Headers({ "x-should-retry": "true" }))).toBe(true);
  });
});
