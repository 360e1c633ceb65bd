import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "./parse-retry-after.js";

describe("parseRetryAfter", () => {
  const now = Date.parse("2025-01-01T00:00:00Z");
  const parse = (h: Record<string, string>) => parseRetryAfter(new Headers(h), now);

  it("reads seconds, fractions and retry-after-ms", () => {
    expect(parse({ "retry-after": "0" })).toBe(0);
    expect(parse({ "retry-after": "2" })).toBe(2000);
    expect(parse({ "retry-after": "0.5" })).toBe(500);
    expect(parse({ "retry-after-ms": "150", "retry-after": "9" })).toBe(150);
  });

  it("reads an HTTP date relative to now (never negative)", () => {
    expect(parse({ "retry-after": "Wed, 01 Jan 2025 00:00:03 GMT" })).toBe(3000);
    expect(parse({ "retry-after": "Tue, 31 Dec 2024 23:59:00 GMT" })).toBe(0);
  });

  it("ignores absent, unreadable or over-long waits", () => {
    expect(parse({})).toBeUndefined();
    expect(parse({ "retry-after": "soon" })).toBeUndefined();
    expect(parse({ "retry-after": "3600" })).toBeUndefined();
  });
});
