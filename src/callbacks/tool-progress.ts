/** The name of the custom event a generator tool's yielded values are reported under. */
export const TOOL_PROGRESS_EVENT = "tool_progress";

/**
 * The payload of a `"tool_progress"` custom event (`on_custom_event` in `streamEvents`): the
 * tool's name and one value its generator yielded. LangChain-style handlers get the value
 * itself through `handleToolEvent`.
 */
export interface ToolProgress {
  tool: string;
  progress: unknown;
}

/**
 * Payloads made by a generator tool. A user's own `dispatchCustomEvent("tool_progress", x)` is
 * not in it, so only real partial results reach `handleToolEvent`. The payload stays a plain
 * object (event consumers compare it as one).
 */
const madeByTools = new WeakSet<ToolProgress>();

/** The payload reporting one value a generator tool yielded (see {@link ToolProgress}). */
export function createToolProgress(tool: string, progress: unknown): ToolProgress {
  const payload: ToolProgress = { tool, progress };
  madeByTools.add(payload);
  return payload;
}

/** True when a custom event is a generator tool's partial result (made by {@link createToolProgress}). */
export function isToolProgress(name: string, data: unknown): data is ToolProgress {
  return (
    name === TOOL_PROGRESS_EVENT &&
    typeof data === "object" &&
    data !== null &&
    madeByTools.has(data as ToolProgress)
  );
}
