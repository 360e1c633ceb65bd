import type { RunnableConfig } from "../config/runnable-config.js";
import { callWithContext } from "../engine/call-with-context.js";
import type { RunScope } from "../engine/run-scope.js";
import { throwIfAborted } from "../internal/abort.js";

/** The name of the custom event a generator tool's yielded values are reported under. */
export const TOOL_PROGRESS_EVENT = "tool_progress";

/**
 * The payload of a `"tool_progress"` custom event (`on_custom_event` in `streamEvents`): the
 * tool's name and one value its generator yielded.
 */
export interface ToolProgress {
  tool: string;
  progress: unknown;
}

function isAsyncGenerator(value: unknown): value is AsyncGenerator<unknown, unknown, undefined> {
  return Object.prototype.toString.call(value) === "[object AsyncGenerator]";
}

/**
 * Runs a generator tool to its end: each yielded value is reported as progress, the `return`
 * value is the output. Each step runs inside the run's context (a generator's body runs in the
 * context of whoever calls `next`), and the generator is closed if the run is aborted.
 */
async function drainWithProgress(
  generator: AsyncGenerator<unknown, unknown, undefined>,
  config: RunnableConfig,
  scope: RunScope,
  toolName: string,
): Promise<unknown> {
  let finished = false;
  try {
    for (;;) {
      throwIfAborted(scope.signal);
      const step = await callWithContext(config, () => generator.next());
      if (step.done) {
        finished = true;
        return step.value;
      }
      const progress: ToolProgress = { tool: toolName, progress: step.value };
      const notified = scope.reportCustomEvent(TOOL_PROGRESS_EVENT, progress);
      if (notified !== undefined) await notified;
    }
  } finally {
    // A generator that threw is already closed; one we stopped (abort) runs its finally blocks.
    if (!finished) await callWithContext(config, () => generator.return(undefined)).catch(() => {});
  }
}

/**
 * Calls a tool's function with the run's child config, both as its argument and as the implicit
 * context, so runnables it calls become children of the tool's run whether or not it passes the
 * config on. An async generator function is drained: its yields become `"tool_progress"` custom
 * events and its `return` value the tool's output.
 */
export async function runToolFunction(
  call: (config: RunnableConfig) => unknown,
  scope: RunScope,
  toolName: string,
): Promise<unknown> {
  const config = scope.childConfig();
  const result: unknown = await callWithContext(config, call);
  return isAsyncGenerator(result) ? drainWithProgress(result, config, scope, toolName) : result;
}
