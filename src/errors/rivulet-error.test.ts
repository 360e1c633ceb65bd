import {
  AbortError,
  InvalidConfigError,
  InvalidInputError,
  isAbortError,
  RecursionLimitError,
  RivuletError,
  TimeoutError,
} from "rivulet";
import { describe, expect, it } from "vitest";

describe("RivuletError", () => {
  it("carries a stable code, a cause and its class name", () => {
    const cause = new Error("root cause");
    const error = new InvalidInputError("bad input", { cause });
    expect(error.code).toBe("invalid_input");
    expect(error.cause).toBe(cause);
    expect(error.name).toBe("InvalidInputError");
    expect(error).toBeInstanceOf(Error);
  });

  it("isInstance checks the brand and the class marker, not the prototype (works across package copies)", () => {
    // A class's identity is its marker, not its code (error-identity.test.ts covers every class).
    const foreign = Object.assign(new Error("from another copy"), {
      code: "timeout",
      [Symbol.for("rivulet.error")]: true,
      [Symbol.for("rivulet.error.TimeoutError")]: true,
    });
    expect(RivuletError.isInstance(foreign)).toBe(true);
    expect(TimeoutError.isInstance(foreign)).toBe(true);
    expect(AbortError.isInstance(foreign)).toBe(false);
    expect(RivuletError.isInstance(new Error("plain"))).toBe(false);
    expect(RivuletError.isInstance("timeout")).toBe(false);
  });

  it("each family answers isInstance for its own code only", () => {
    expect(InvalidConfigError.isInstance(new InvalidConfigError("x"))).toBe(true);
    expect(InvalidConfigError.isInstance(new InvalidInputError("x"))).toBe(false);
    expect(RecursionLimitError.isInstance(new RecursionLimitError(5))).toBe(true);
    expect(new RecursionLimitError(5).limit).toBe(5);
  });

  it("TimeoutError says which deadline ran out", () => {
    const error = new TimeoutError(250, "idle");
    expect(error.code).toBe("timeout");
    expect(error.kind).toBe("idle");
    expect(error.message).toContain("250 ms");
    expect(error.message).toContain("idle timeout");
  });
});

describe("isAbortError", () => {
  it("is true for our AbortError and TimeoutError and for DOM abort errors", () => {
    expect(isAbortError(new AbortError())).toBe(true);
    expect(isAbortError(new TimeoutError(1))).toBe(true);
    expect(isAbortError(new DOMException("stop", "AbortError"))).toBe(true);
    expect(isAbortError(new Error("other"))).toBe(false);
    expect(isAbortError(undefined)).toBe(false);
  });
});
