import { describe, expect, it } from "vitest";
import { InvalidConfigError } from "../errors/input-errors.js";
import { backoffDelayMs, DEFAULT_BACKOFF } from "./backoff-policy.js";

describe("backoffDelayMs", () => {
  it("doubles from 500 ms up to 8 s by default, jittered between half and all of the step", () => {
    const top = { ...DEFAULT_BACKOFF, random: () => 0.999999 };
    expect([1, 2, 3, 4, 5, 6, 7].map((retry) => backoffDelayMs(top, retry))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000, 8000,
    ]);
    expect(backoffDelayMs({ ...DEFAULT_BACKOFF, random: () => 0 }, 1)).toBe(250);
    expect(backoffDelayMs({ ...DEFAULT_BACKOFF, random: () => 0.5 }, 4)).toBe(3000);
  });

  it("is the step itself without jitter, and never exceeds the cap with it", () => {
    const policy = { initialDelayMs: 10, maxDelayMs: 25, jitter: false, random: () => 0.9 };
    expect([1, 2, 3, 4].map((retry) => backoffDelayMs(policy, retry))).toEqual([10, 20, 25, 25]);
    const jittered = { ...policy, jitter: true, random: () => 0.999999 };
    expect(backoffDelayMs(jittered, 10)).toBeLessThanOrEqual(25);
  });
});

describe("backoffDelayMs with a bad random seam or an extreme retry", () => {
  // The seam is the user's (withRetry's and the providers' `random` option): NaN made the delay
  // NaN, which withRetry skipped (retrying at once, in a tight loop); 5 tripled the step past the
  // cap; a negative value gave a negative delay. Each is a typed error naming the seam.
  it.each([
    ["NaN", Number.NaN],
    ["above 1", 5],
    ["negative", -0.5],
    ["Infinity", Number.POSITIVE_INFINITY],
    ["a string", "0.5"],
    ["undefined", undefined],
  ])("rejects a random() returning %s with an InvalidConfigError", (_name, value) => {
    // Installed untyped, as a JS caller's seam would be.
    const policy = { ...DEFAULT_BACKOFF };
    Object.defineProperty(policy, "random", { value: () => value });
    expect(() => backoffDelayMs(policy, 1)).toThrow(InvalidConfigError);
    expect(() => backoffDelayMs(policy, 1)).toThrow(/^random must return a number from 0 to 1/);
  });

  it("rejects a random that is not a function (an untyped provider option)", () => {
    const policy = { ...DEFAULT_BACKOFF, random: JSON.parse("0.5") };
    expect(() => backoffDelayMs(policy, 1)).toThrow(InvalidConfigError);
    expect(() => backoffDelayMs(policy, 1)).toThrow(/^random must be a function/);
  });

  it("accepts both ends, 0 and 1, within half the step and the step", () => {
    expect(backoffDelayMs({ ...DEFAULT_BACKOFF, random: () => 0 }, 2)).toBe(500);
    expect(backoffDelayMs({ ...DEFAULT_BACKOFF, random: () => 1 }, 2)).toBe(1000);
  });

  it("is 0, not NaN, for a 0 ms initial delay however many retries (0 * 2^1100 is NaN)", () => {
    const policy = { initialDelayMs: 0, maxDelayMs: 0, jitter: false, random: () => 0.5 };
    expect(backoffDelayMs(policy, 1100)).toBe(0);
    expect(backoffDelayMs({ ...policy, jitter: true }, 1100)).toBe(0);
    expect(backoffDelayMs({ ...DEFAULT_BACKOFF, jitter: false }, 1100)).toBe(8000);
  });
});
