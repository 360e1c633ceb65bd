import {
  AbortError,
  InvalidConfigError,
  RunnableGenerator,
  RunnableLambda,
  RunnableWithFallbacks,
} from "rivulet";
import { RunRecorder, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";

const failing = (name: string) =>
  RunnableLambda.from(
    (_: string): string => {
      throw new Error(`${name} failed`);
    },
    { name },
  );
const backup = RunnableLambda.from((s: string) => `backup: ${s}`, { name: "backup" });
const streamingBackup = RunnableGenerator.from(async function* streamingBackup(_: AsyncIterable<string>) {
  yield "b";
  yield "c";
});

describe("withFallbacks under invoke", () => {
  it("falls back to the next runnable when the primary fails", async () => {
    const rec = new RunRecorder();
    const chain = failing("primary").withFallbacks([backup]);
    expect(chain).toBeInstanceOf(RunnableWithFallbacks);
    expect(await chain.invoke("q", { callbacks: [rec] })).toBe("backup: q");
    expect(rec.lines()).toEqual([
      "start:RunnableWithFallbacks",
      "start:primary",
      "error:primary",
      "start:backup",
      "end:backup",
      "end:RunnableWithFallbacks",
    ]);
  });

  it("tries fallbacks in order and rejects with the first error when all fail", async () => {
    const chain = failing("primary").withFallbacks([failing("second"), failing("third")]);
    await expect(chain.invoke("q")).rejects.toThrow("primary failed");
  });

  it("rethrows at once when handleIf says the error is not handled", async () => {
    let backupCalled = false;
    const chain = failing("primary").withFallbacks({
      fallbacks: [
        RunnableLambda.from((s: string) => {
          backupCalled = true;
          return s;
        }),
      ],
      handleIf: () => false,
    });
    await expect(chain.invoke("q")).rejects.toThrow("primary failed");
    expect(backupCalled).toBe(false);
  });

  it("does not fall back on an abort by default", async () => {
    let backupCalled = false;
    const aborting = RunnableLambda.from((): string => {
      throw new AbortError();
    });
    const chain = aborting.withFallbacks([
      RunnableLambda.from((s: string) => {
        backupCalled = true;
        return s;
      }),
    ]);
    await expect(chain.invoke("q")).rejects.toSatisfy(AbortError.isInstance);
    expect(backupCalled).toBe(false);
  });

  it("honours a given name in run names", async () => {
    const rec = new RunRecorder();
    await failing("primary")
      .withFallbacks({ fallbacks: [backup], name: "resilient" })
      .invoke("q", { callbacks: [rec] });
    expect(rec.entries[0]!.name).toBe("resilient");
  });
});

describe("withFallbacks under stream", () => {
  it("falls back when the primary fails before its first chunk", async () => {
    const chain = failing("primary").withFallbacks([streamingBackup]);
    expect(await toArray(chain.stream("q"))).toEqual(["b", "c"]);
  });

  it("ends the fallbacks run with the real aggregated output, not {}", async () => {
    const rec = new RunRecorder();
    const chain = failing("primary").withFallbacks([streamingBackup]);
    await toArray(chain.stream("q", { callbacks: [rec] }));
    const root = rec.entries[0]!;
    const end = rec.entries.find((e) => e.kind === "end" && e.runId === root.runId);
    expect(end?.output).toBe("bc");
    expect(rec.openRuns()).toEqual([]);
  });

  it("does not fall back after the primary streamed a chunk", async () => {
    let backupCalled = false;
    const partial = RunnableGenerator.from(async function* partial(_: AsyncIterable<string>) {
      yield "a";
      throw new Error("mid-stream failure");
    });
    const chain = partial.withFallbacks([
      RunnableLambda.from((s: string) => {
        backupCalled = true;
        return s;
      }),
    ]);
    const seen: string[] = [];
    const read = async () => {
      for await (const c of await chain.stream("q")) seen.push(c);
    };
    await expect(read()).rejects.toThrow("mid-stream failure");
    expect(seen).toEqual(["a"]);
    expect(backupCalled).toBe(false);
  });

  it("rejects with the first error when every candidate fails before its first chunk", async () => {
    const chain = failing("primary").withFallbacks([failing("second")]);
    await expect(toArray(chain.stream("q"))).rejects.toThrow("primary failed");
  });
});

describe("withFallbacks options are checked at withFallbacks", () => {
  const cases: [string, object, RegExp][] = [
    ["fallbacks that are not an array", { fallbacks: backup }, /^fallbacks must be an array of runnables/],
    [
      "a fallback that is not a runnable",
      { fallbacks: [backup, "backup"] },
      /^fallbacks\[1\] must be a runnable/,
    ],
    [
      "a handleIf that is not a function",
      { fallbacks: [backup], handleIf: true },
      /^handleIf must be a function/,
    ],
    ["a name that is not a string", { fallbacks: [backup], name: 3 }, /^name must be a string/],
  ];
  it.each(cases)("rejects %s with InvalidConfigError", (_what, options, message) => {
    // @ts-expect-error: an untyped caller (JavaScript) can pass anything.
    expect(() => failing("primary").withFallbacks(options)).toThrow(InvalidConfigError);
    // @ts-expect-error: as above.
    expect(() => new RunnableWithFallbacks(failing("primary"), options)).toThrow(message);
  });
});
