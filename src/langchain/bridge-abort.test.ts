// Cancellation across the bridge in both directions, with runs on both sides open when it comes:
// a Rivulet chain around a LangChain chain around a Rivulet step (a break out of Rivulet's
// streamEvents), and a LangChain chain around a Rivulet chain around a LangChain step (an abort of
// LangChain's stream). Every run closes on both sides: Rivulet's (a RunRecorder) and LangChain's
// (a BaseCallbackHandler that sees every start, end and error), and the innermost step's signal fires.
import { BaseCallbackHandler } from "@langchain/core/callbacks/base";
import { RunnableLambda as LangChainRunnableLambda } from "@langchain/core/runnables";
import { dispatchCustomEvent, RunnableLambda } from "rivulet";
import { fromLangChain, toLangChain } from "rivulet/langchain";
import { RunRecorder } from "rivulet/testing";
import { describe, expect, it } from "vitest";

/** LangChain's view of the runs: which started and which ended (either way). */
function langChainRuns() {
  const started = new Map<string, string>();
  const closed = new Set<string>();
  const start = (name: string | undefined, runId: string) => void started.set(runId, name ?? "");
  const close = (runId: string) => void closed.add(runId);
  const handler = BaseCallbackHandler.fromMethods({
    handleChainStart: (_chain, _inputs, runId, _parent, _tags, _metadata, _type, name) => start(name, runId),
    handleChainEnd: (_outputs, runId) => close(runId),
    handleChainError: (_error, runId) => close(runId),
  });
  const open = (): string[] => [...started].filter(([id]) => !closed.has(id)).map(([, name]) => name);
  return { handler, started, open };
}

/** A step that waits until its signal aborts it, recording the signal. */
function waitForAbort(seen: AbortSignal[], signal: AbortSignal | undefined): Promise<never> {
  if (signal !== undefined) seen.push(signal);
  return new Promise((_resolve, reject) => {
    if (signal?.aborted === true) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => reject(new Error("never aborted")), 5_000);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}

describe("cancellation across the bridge", () => {
  it("Rivulet > LangChain > Rivulet: a break closes every run on both sides", async () => {
    const seen: AbortSignal[] = [];
    const innermost = RunnableLambda.from(async (_input: unknown, config) => {
      await dispatchCustomEvent("waiting", {});
      return waitForAbort(seen, config?.signal);
    }).withConfig({ runName: "innermost" });
    const langChain = langChainRuns();
    const middle = LangChainRunnableLambda.from((word: string) => ({ word }))
      .pipe(toLangChain(innermost))
      .withConfig({ callbacks: [langChain.handler], runName: "middle" });
    const recorder = new RunRecorder();
    const chain = RunnableLambda.from((word: string) => word).pipe(fromLangChain(middle, { name: "middle" }));
    for await (const event of chain.streamEvents("hi", { version: "v2", callbacks: [recorder] })) {
      // The innermost Rivulet step's custom event crossed both bridges: it is waiting now.
      if (event.event === "on_custom_event" && event.name === "waiting") break;
    }
    await expect.poll(() => recorder.openRuns()).toEqual([]);
    await expect.poll(() => langChain.open()).toEqual([]);
    expect([...langChain.started.values()]).toContain("innermost");
    expect(seen.length).toBe(1);
    expect(seen[0]?.aborted).toBe(true);
  });

  it("LangChain > Rivulet > LangChain: an abort closes every run on both sides", async () => {
    const seen: AbortSignal[] = [];
    const innermost = LangChainRunnableLambda.from((_input: unknown, config) =>
      waitForAbort(seen, config?.signal),
    ).withConfig({ runName: "innermost" });
    const recorder = new RunRecorder();
    const middle = RunnableLambda.from((word: string) => ({ word }))
      .pipe(fromLangChain(innermost, { name: "innermost" }))
      .withConfig({ callbacks: [recorder], runName: "middle" });
    const langChain = langChainRuns();
    const chain = LangChainRunnableLambda.from((word: string) => word).pipe(toLangChain(middle));
    const controller = new AbortController();
    const reading = (async () => {
      const stream = await chain.stream("hi", { signal: controller.signal, callbacks: [langChain.handler] });
      for await (const _chunk of stream) {
        // nothing arrives before the abort
      }
    })();
    await expect.poll(() => seen.length).toBe(1);
    controller.abort();
    await expect(reading).rejects.toThrow();
    await expect.poll(() => recorder.openRuns()).toEqual([]);
    await expect.poll(() => langChain.open()).toEqual([]);
    expect(seen[0]?.aborted).toBe(true);
    expect(recorder.entries.some((entry) => entry.name === "innermost")).toBe(true);
  });
});
