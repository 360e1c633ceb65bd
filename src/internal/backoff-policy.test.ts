import { describe, expect, it } from "vitest";
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
