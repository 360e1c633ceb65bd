import { describe, expect, it } from "vitest";
import { backoffDelayMs, isRetryableStatus, parseRetryAfter } from "./retry-policy.js";

describe("parseRetryAfter", () => {
  const now = Date.parse("2025-08-01T10:00:00Z");
  it("prefers retry-after-ms, then reads seconds or an HTTP date", () => {
    expect(parseRetryAfter(new Headers({ "retry-after-ms": "250", "retry-after": "9" }), now)).toBe(250);
    expect(parseRetryAfter(new Headers({ "retry-after": "3" }), now)).toBe(3000);
    expect(parseRetryAfter(new Headers({ "retry-after": "Fri, 01 Aug 2025 10:00:05 GMT" }), now)).toBe(5000);
    expect(parseRetryAfter(new Headers({ "retry-after": "Fri, 01 Aug 2025 09:00:00 GMT" }), now)).toBe(0);
    expect(parseRetryAfter(new Headers({ "retry-after": "soon" }), now)).toBeUndefined();
    expect(parseRetryAfter(new Headers(), now)).toBeUndefined();
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

describe("backoffDelayMs", () => {
  it("doubles from 500 ms up to 8 s, with jitter between half and all of the step", () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((a) => backoffDelayMs(a, () => 0.999999))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000, 8000,
    ]);
    expect(backoffDelayMs(0, () => 0)).toBe(250);
    expect(backoffDelayMs(3, () => 0.5)).toBe(3000);
  });
});
