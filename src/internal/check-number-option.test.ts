import { describe, expect, it } from "vitest";
import { InvalidConfigError } from "../errors/input-errors.js";
import { checkNumberOption, MAX_TIMER_DELAY_MS } from "./check-number-option.js";

describe("checkNumberOption", () => {
  it("passes undefined and fitting values through", () => {
    expect(checkNumberOption("n", undefined, "positive-integer")).toBeUndefined();
    expect(checkNumberOption("n", 3, "positive-integer")).toBe(3);
    expect(checkNumberOption("n", 0, "non-negative-integer")).toBe(0);
    expect(checkNumberOption("t", Number.POSITIVE_INFINITY, "duration")).toBe(Number.POSITIVE_INFINITY);
    expect(checkNumberOption("t", MAX_TIMER_DELAY_MS, "duration")).toBe(MAX_TIMER_DELAY_MS);
    expect(checkNumberOption("d", 0, "non-negative-duration")).toBe(0);
    expect(checkNumberOption("penalty", -1.5, "number")).toBe(-1.5);
    expect(checkNumberOption("seed", -7, "integer")).toBe(-7);
  });

  it.each([
    ["positive-integer", Number.NaN],
    ["positive-integer", 0],
    ["positive-integer", 1.5],
    ["positive-integer", -1],
    ["positive-integer", Number.POSITIVE_INFINITY],
    ["non-negative-integer", -1],
    ["non-negative-integer", Number.NaN],
    ["positive-number", Number.POSITIVE_INFINITY],
    ["non-negative-number", -0.5],
    ["number", Number.NaN],
    ["number", Number.NEGATIVE_INFINITY],
    ["integer", 1.5],
    ["integer", Number.NaN],
    ["duration", 0],
    ["duration", MAX_TIMER_DELAY_MS + 1],
    ["duration", Number.NaN],
    ["non-negative-duration", -1],
  ] as const)("rejects %s %s with a typed error naming the option", (kind, value) => {
    expect(() => checkNumberOption("someOption", value, kind)).toThrow(InvalidConfigError);
    expect(() => checkNumberOption("someOption", value, kind)).toThrow(/^someOption must be/);
  });

  it("says where a NaN usually comes from", () => {
    expect(() => checkNumberOption("maxRetries", Number.NaN, "non-negative-integer")).toThrow(
      "maxRetries must be a non-negative integer, got NaN (Number() of an unset or non-numeric environment variable gives NaN)",
    );
  });

  it("rejects a number given as a string (an untyped JavaScript caller)", () => {
    const fromEnvironment: unknown = "3";
    expect(() => checkNumberOption("n", fromEnvironment as number, "positive-integer")).toThrow(
      'n must be a positive integer, got the string "3"',
    );
  });
});
