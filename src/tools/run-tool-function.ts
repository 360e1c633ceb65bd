import { createToolProgress, TOOL_PROGRESS_EVENT } from "../callbacks/tool-progress.js";
import type { RunnableConfig } from "../config/runnable-config.js";
import { callWithContext } from "../engine/call-with-context.js";
import type { RunScope } from "../engine/run-scope.js";
import { throwIfAborted } from "../internal/abort.js";

export { TOOL_PROGRESS_EVENT, type ToolProgress } from "../callbacks/tool-progress.js";

/** A generator a tool function returned (`async function*`, or `function*` as `@langchain/core` also drains). */
type ToolGenerator = AsyncGenerator<unknown, unknown, undefined> | Generator<unknown, unknown, undefined>;

function isGenerator(value: unknown): value is ToolGenerator {
  const tag = Object.prototype.toString.call(value);
  return tag === "[object AsyncGenerator]" || tag === "[object Generator]";
}

/**
 * Runs a generator tool to its end: each yielded value is reported as progress, the `return`
 * value is the output. Each step runs inside the run's context (a generator's body runs in the
 * context of whoever calls `next`), and the generator is closed if the run is aborted.
 */
async function drainWithProgress(
  generator: ToolGenerator,
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
      // A custom event for streamEvents; LangChain-style handlers get it as handleToolEvent.
      const notified = scope.reportCustomEvent(TOOL_PROGRESS_EVENT, createToolProgress(toolName, step.value));
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
 * config on. A generator function (async or not) is drained: its yields become `"tool_progress"`
 * custom events (and `handleToolEvent` calls) and its `return` value the tool's output.
 */
export async function runToolFunction(
  call: (config: RunnableConfig) => unknown,
  scope: RunScope,
  toolName: string,
): Promise<unknown> {
  const config = scope.childConfig();
  const result: unknown = await callWithContext(config, call);
  return isGenerator(result) ? drainWithProgress(result, config, scope, toolName) : result;
}
