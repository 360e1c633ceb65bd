import { type Run, Runnable, RunnableLambda, type RunObserver, type RunScope } from "rivulet";
import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.restoreAllMocks();
});

/** An observer recording event names (and chunk values), as a native RunObserver. */
function recorder(): { observer: RunObserver; seen: string[] } {
  const seen: string[] = [];
  const observer: RunObserver = {
    onRunStart: (run: Run) => void seen.push(`start:${run.name}`),
    onRunStream: (_run: Run, chunk: unknown) => void seen.push(`chunk:${String(chunk)}`),
    onRunEnd: (run: Run) => void seen.push(`end:${String(run.output)}`),
    onRunError: () => void seen.push("error"),
    onCustomEvent: (_run: Run, name: string) => void seen.push(`custom:${name}`),
  };
  return { observer, seen };
}

describe("run engine hardening (found in review)", () => {
  it("a user function cannot end its own run through the parent link its config carries", async () => {
    const { observer, seen } = recorder();
    const forger = RunnableLambda.from((input: string, config) => {
      for (const key of Object.getOwnPropertySymbols(config ?? {})) {
        const link: unknown = (config as Record<symbol, unknown>)[key];
        // The link is opaque: nothing on it to reach the run through.
        if (typeof link === "object" && link !== null) expect(Reflect.ownKeys(link)).toEqual([]);
        const end = (link as { end?: unknown } | undefined)?.end;
        if (typeof end === "function") end.call(link, "FORGED");
      }
      return input.toUpperCase();
    }).withConfig({ runName: "forger" });
    expect(await forger.invoke("a", { callbacks: [observer] })).toBe("A");
    expect(seen).toEqual(["start:forger", "end:A"]);
  });

  it("an observer whose async method rejects without being awaited logs one line, not an unhandled rejection", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      const failing: RunObserver = {
        onRunStart: async () => {
          throw new Error("observer broke");
        },
      };
      expect(await RunnableLambda.from((x: number) => x + 1).invoke(1, { callbacks: [failing] })).toBe(2);
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
    expect(unhandled).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain("observer broke");
  });

  it("a scope kept past its run's end reports no chunk or custom event", async () => {
    let kept: RunScope | undefined;
    class Keeper extends Runnable<string, string> {
      override async _invoke(input: string, scope: RunScope): Promise<string> {
        kept = scope;
        return input;
      }
    }
    const { observer, seen } = recorder();
    await new Keeper().invoke("a", { callbacks: [observer] });
    expect(kept).toBeDefined();
    await kept?.reportChunk("LATE");
    await kept?.reportCustomEvent("late", {});
    expect(seen).toEqual(["start:Keeper", "end:a"]);
  });
});
