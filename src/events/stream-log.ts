import { ensureConfig } from "../config/ensure-config.js";
import type { RunnableConfig } from "../config/runnable-config.js";
import type { RunnableCore } from "../engine/runnable-core.js";
import { compileFilters, type EventFilters } from "./event-filters.js";
import { LogStreamObserver } from "./log-stream-observer.js";
import { observeRun } from "./observe-run.js";
import type { RunLog, RunLogPatch } from "./run-log.js";

/** Options of `streamLog`: which nested runs to log, and whether to yield patches or whole logs. */
export interface StreamLogOptions extends EventFilters {
  /** true (default): yield each `RunLogPatch`; false: yield the accumulated `RunLog` each time. */
  diff?: boolean;
}

/**
 * Runs `runnable` and yields its run log as JSON-Patch ops (`RunLogPatch`): the root's streamed
 * output and final output, and an entry per nested run (filtered like `streamEvents`).
 */
export function streamLog(
  runnable: RunnableCore<unknown, unknown, unknown>,
  input: unknown,
  config: RunnableConfig | undefined,
  options: StreamLogOptions = {},
): AsyncGenerator<RunLogPatch | RunLog> {
  const base = ensureConfig(config);
  const keep = compileFilters(options);
  const patches = observeRun<RunLogPatch>(runnable, input, base, (queue, rootId) => {
    return new LogStreamObserver(queue, keep, rootId, runnable.createAggregator());
  });
  return options.diff === false ? accumulate(patches) : patches;
}

async function* accumulate(patches: AsyncIterable<RunLogPatch>): AsyncGenerator<RunLog> {
  let log: RunLog | undefined;
  for await (const patch of patches) {
    log = log === undefined ? patch.concat() : log.concat(patch);
    yield log;
  }
}
