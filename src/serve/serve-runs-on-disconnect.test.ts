// A run stream read with ?on_disconnect=cancel cancels the run when its reader leaves before the
// end, as a request-bound stream would; by default (continue) the run outlives its readers; a bad
// value is a 422.
import { RunnableGenerator } from "rivulet";
import { memoryRunStore } from "rivulet/runs";
import { serve } from "rivulet/serve";
import { describe, expect, it } from "vitest";
import { get, post } from "./test-support/requests.js";

/** Yields "a" at once, then waits for its signal (a run that only a cancel ends). */
function waiting() {
  const signals: AbortSignal[] = [];
  const runnable = new RunnableGenerator<unknown, string>({
    generator: async function* (_input, config) {
      yield "a";
      await new Promise<void>((_resolve, reject) => {
        if (config.signal !== undefined) signals.push(config.signal);
        config.signal?.addEventListener("abort", () => reject(config.signal?.reason), { once: true });
      });
    },
  });
  return { runnable, signals };
}

async function startedRun(app: ReturnType<typeof serve>): Promise<string> {
  const response = await post(app, "/runs", { input: 1 });
  const body: unknown = await response.json();
  const runId: unknown = Reflect.get(Object(body), "run_id");
  return typeof runId === "string" ? runId : "";
}

async function leaveAfterFirstFrame(app: ReturnType<typeof serve>, path: string): Promise<void> {
  const reader = (await get(app, path)).body?.getReader();
  const decoder = new TextDecoder();
  let text = "";
  while (reader !== undefined && !text.includes("on_chain_stream"))
    text += decoder.decode((await reader.read()).value);
  await reader?.cancel();
}

async function statusOf(app: ReturnType<typeof serve>, runId: string): Promise<unknown> {
  return Reflect.get(Object(await (await get(app, `/runs/${runId}`)).json()), "status");
}

describe("GET runs/:id/stream?on_disconnect", () => {
  it("cancel: the reader leaving before the end cancels the run", async () => {
    const { runnable, signals } = waiting();
    const app = serve(runnable, { runs: { store: memoryRunStore() } });
    const runId = await startedRun(app);
    await leaveAfterFirstFrame(app, `/runs/${runId}/stream?on_disconnect=cancel`);
    await expect.poll(() => statusOf(app, runId)).toBe("cancelled");
    expect(signals[0]?.aborted).toBe(true);
  });

  it("continue (the default): the run goes on when its reader leaves", async () => {
    const { runnable, signals } = waiting();
    const app = serve(runnable, { runs: { store: memoryRunStore() } });
    const runId = await startedRun(app);
    await leaveAfterFirstFrame(app, `/runs/${runId}/stream`);
    await leaveAfterFirstFrame(app, `/runs/${runId}/stream?on_disconnect=continue`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await statusOf(app, runId)).toBe("running");
    expect(signals[0]?.aborted).toBe(false);
    await post(app, `/runs/${runId}/cancel`, {});
  });

  it("refuses another value with a 422 naming the parameter", async () => {
    const { runnable } = waiting();
    const app = serve(runnable, { runs: { store: memoryRunStore() } });
    const runId = await startedRun(app);
    const response = await get(app, `/runs/${runId}/stream?on_disconnect=maybe`);
    expect(response.status).toBe(422);
    expect(JSON.stringify(await response.json())).toContain("on_disconnect");
    await post(app, `/runs/${runId}/cancel`, {});
  });
});
