// The app every runtime serves for the serve checks (serve-checks.mjs): the bundled
// `rivulet/serve` handler over the conformance suite's prompt | fake model | parser chain, a slow
// chain for the disconnect check, and a route that reports the slow chain's runs. Each runtime
// mounts `app.fetch` its own way (serve-entry.mjs, workerd-serve-entry.mjs).
import { RunnableLambda } from "../../dist/bundle/index.js";
import { serve } from "../../dist/bundle/serve.js";
import { FakeListChatModel, RunRecorder } from "../../dist/bundle/testing.js";
import { jokeChain } from "./conformance.mjs";

/** 2,000 one-character chunks, 5 ms apart: far more than a check ever waits for. */
const SLOW_CHUNKS = 2000;

/** The handler: `/joke` (the conformance chain), `/slow` (recorded), `/slow_runs` (what it recorded). */
export function serveApp() {
  const recorder = new RunRecorder();
  const delaySignals = [];
  const requestSignals = [];
  const delay = (ms, signal) => {
    if (signal !== undefined && !delaySignals.includes(signal)) delaySignals.push(signal);
    return new Promise((resolve) => setTimeout(resolve, ms));
  };
  const slowModel = new FakeListChatModel({ responses: ["x".repeat(SLOW_CHUNKS)], sleep: 5, delay });
  const slowRuns = RunnableLambda.from(
    () => ({
      started: recorder.entries.filter((entry) => entry.kind === "start").length,
      open: recorder.openRuns(),
      chunks: recorder.entries.filter((entry) => entry.kind === "stream").length,
      modelWaitAborted: delaySignals.length > 0 && delaySignals.every((signal) => signal.aborted),
      // How the runtime told the handler (not checked: runtimes differ; docs/serving.md, Mounting).
      requestSignalAborted: requestSignals.length > 0 && requestSignals.every((signal) => signal.aborted),
    }),
    { name: "slow_runs" },
  );
  return serve(
    { "/joke": jokeChain(), "/slow": jokeChain(slowModel), "/slow_runs": slowRuns },
    {
      // Only the slow chain's runs are recorded, so /slow_runs does not count itself.
      perRequestConfig: (config, request) => {
        if (!new URL(request.url).pathname.startsWith("/slow/")) return config;
        requestSignals.push(request.signal);
        return { ...config, callbacks: [recorder] };
      },
    },
  );
}
