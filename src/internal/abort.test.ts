import { AbortError, TimeoutError } from "rivulet";
import { describe, expect, it } from "vitest";
import { abortErrorOf, combineSignals, raceAbort, throwIfAborted } from "./abort.js";

describe("combineSignals", () => {
  it("returns undefined for none and the signal itself for one", () => {
    const s = new AbortController().signal;
    expect(combineSignals(undefined, undefined)).toBeUndefined();
    expect(combineSignals(undefined, s)).toBe(s);
  });

  it("aborts when any of several signals aborts", () => {
    const a = new AbortController();
    const b = new AbortController();
    const combined = combineSignals(a.signal, b.signal)!;
    b.abort("b");
    expect(combined.aborted).toBe(true);
    expect(combined.reason).toBe("b");
  });
});

describe("abortErrorOf / throwIfAborted", () => {
  it("wraps a plain reason in a typed AbortError and keeps typed reasons", () => {
    const c = new AbortController();
    c.abort("why");
    const error = abortErrorOf(c.signal);
    expect(AbortError.isInstance(error)).toBe(true);
    expect((error as AbortError).reason).toBe("why");
    const t = new AbortController();
    const timeout = new TimeoutError(10);
    t.abort(timeout);
    expect(abortErrorOf(t.signal)).toBe(timeout);
  });

  it("maps a DOM TimeoutError (AbortSignal.timeout) to a typed TimeoutError", async () => {
    const signal = AbortSignal.timeout(1);
    await new Promise((r) => setTimeout(r, 10));
    expect(TimeoutError.isInstance(abortErrorOf(signal))).toBe(true);
  });

  it("throws only for an aborted signal", () => {
    expect(() => throwIfAborted(undefined)).not.toThrow();
    expect(() => throwIfAborted(new AbortController().signal)).not.toThrow();
    expect(() => throwIfAborted(AbortSignal.abort())).toThrow(AbortError);
  });
});

describe("raceAbort", () => {
  it("settles with the promise when the signal does not abort", async () => {
    expect(await raceAbort(Promise.resolve(1), new AbortController().signal)).toBe(1);
    await expect(raceAbort(Promise.reject(new Error("x")), new AbortController().signal)).rejects.toThrow(
      "x",
    );
  });

  it("rejects as soon as the signal aborts, even if the promise never settles", {
    timeout: 2000,
  }, async () => {
    const c = new AbortController();
    const pending = raceAbort(new Promise<number>(() => {}), c.signal);
    c.abort();
    await expect(pending).rejects.toSatisfy(AbortError.isInstance);
  });

  it("rejects at once for an already-aborted signal", async () => {
    await expect(raceAbort(Promise.resolve(1), AbortSignal.abort())).rejects.toSatisfy(AbortError.isInstance);
  });
});
