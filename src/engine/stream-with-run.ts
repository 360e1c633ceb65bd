import type { RunnableConfig } from "../config/runnable-config.js";
import { openStreamedRun } from "./open-streamed-run.js";
import type { RunInput } from "./run-input.js";
import type { RunOutputStream } from "./run-output-stream.js";
import { RunStream } from "./run-stream.js";
import type { RunnableCore } from "./runnable-core.js";
import type { StreamWithRunOptions } from "./stream-with-run-options.js";

/** A run inside another: its chunks are reported only when its output is chunks. */
const CHILD: StreamWithRunOptions = {};

/**
 * Runs `runnable` as one run whose output is streamed. The run opens lazily, when the first
 * chunk is asked for: with a whole input at once, with a streamed input at its first chunk
 * (transform steps) or after its last (aggregating steps). Each output chunk is reported to
 * observers before it is yielded when the runnable's output is chunks or `root` is set. The run ends
 * after its last chunk, fails on an error, and fails with an AbortError when the consumer
 * stops early, so no run is left open.
 */
export function streamWithRun<I, O, C>(
  runnable: RunnableCore<I, O, C>,
  input: RunInput<I>,
  config: RunnableConfig | (() => RunnableConfig),
  options: StreamWithRunOptions = CHILD,
): RunOutputStream<C> {
  return new RunStream(
    () => openStreamedRun(runnable, input, typeof config === "function" ? config() : config),
    input,
    options,
  );
}
