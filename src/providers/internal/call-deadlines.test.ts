import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CallDeadlines } from "./call-deadlines.js";

describe("CallDeadlines", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("creates no timer for Infinity deadlines (setTimeout would fire them after 1 ms)", () => {
    const forever = Number.POSITIVE_INFINITY;
    const deadlines = new CallDeadlines(
      { timeout: forever, firstChunkTimeout: forever, idleTimeout: forever },
      undefined,
    );
    const signal = deadlines.beginAttempt();
    deadlines.chunkArrived();
    deadlines.awaitingChunk();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(10);
    expect(signal.aborted).toBe(false);
    deadlines.dispose();
  });

  it("runs one timer per finite deadline and stops them all on dispose", () => {
    const deadlines = new CallDeadlines(
      { timeout: 1000, firstChunkTimeout: 100, idleTimeout: 50 },
      undefined,
    );
    deadlines.beginAttempt();
    expect(vi.getTimerCount()).toBe(2);
    deadlines.chunkArrived();
    deadlines.awaitingChunk();
    expect(vi.getTimerCount()).toBe(2);
    deadlines.dispose();
    expect(vi.getTimerCount()).toBe(0);
  });
});
