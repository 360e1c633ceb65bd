import type { RunnableConfig } from "../config/runnable-config.js";
import { invokeWithRun } from "../engine/invoke-with-run.js";
import type { RunScope } from "../engine/run-scope.js";
import { isAbortError } from "../errors/abort-error.js";
import { combineSignals } from "../internal/abort.js";
import { uuidv7 } from "../internal/uuid-v7.js";
import type { ToolMessage } from "../messages/tool-message.js";
import { ToolCallRun } from "../tools/tool-call-run.js";
import type { OnToolError } from "./create-agent-options.js";
import { cancelledToolMessage, errorToolMessage, type PlannedCall } from "./plan-tool-calls.js";
import { WriterTool } from "./writer-tool.js";

/** How one step's tool calls run. */
export interface ToolStepOptions {
  readonly scope: RunScope;
  readonly step: number;
  readonly concurrency: number;
  readonly onToolError: OnToolError;
  /** What tools get as `config.writer`. */
  readonly writer: (chunk: unknown) => void;
}

/**
 * The answers to one step's calls, in call order. `cancelled` is the abort error when the run
 * was cancelled meanwhile: the calls that never finished are then answered by synthetic
 * "cancelled" ToolMessages, so the history stays valid.
 */
export interface ToolStepResult {
  readonly messages: ToolMessage[];
  readonly cancelled: unknown;
}

/** State shared by the workers of one step. */
interface StepRun {
  readonly calls: readonly PlannedCall[];
  readonly answers: (ToolMessage | undefined)[];
  /** Aborts the step's tools when the step fails (`onToolError: "fail"`). */
  readonly stop: AbortController;
  readonly config: () => RunnableConfig;
  readonly options: ToolStepOptions;
  next: number;
  cancelled: unknown;
  failure: { error: unknown } | undefined;
}

/**
 * Runs one step's tool calls, each as a tool run (a child of the agent's run, with the call's id,
 * so its events carry `tool_call_id`) and at most `concurrency` at once. A tool that throws has
 * sent `on_tool_error`; then, per `onToolError`, its call gets an error ToolMessage or the step
 * cancels the other calls (their tools get the abort through their signal) and, once their runs
 * have closed, throws the tool's error.
 */
export async function runToolCalls(
  calls: readonly PlannedCall[],
  options: ToolStepOptions,
): Promise<ToolStepResult> {
  const { scope, step } = options;
  const stop = new AbortController();
  const metadata = { ...scope.config.metadata, agent_step: step, agent_node: "tools" };
  const signal = combineSignals(scope.signal, stop.signal);
  const state: StepRun = {
    calls,
    answers: calls.map((planned) => planned.answer),
    stop,
    config: () => scope.childConfig(undefined, { metadata, signal }),
    options,
    next: 0,
    cancelled: undefined,
    failure: undefined,
  };
  const workers = Math.min(options.concurrency, calls.length);
  // A worker returns once its tool runs have closed (a cancelled one too), so after this every
  // tool run of the step is closed, before the agent's run can close.
  await Promise.all(Array.from({ length: workers }, () => work(state)));
  if (state.failure !== undefined) throw state.failure.error;
  const messages = calls.map((planned, index) =>
    withId(state.answers[index] ?? cancelledToolMessage(planned.call)),
  );
  return { messages, cancelled: state.cancelled };
}

/** One worker: takes the next call to run until none is left, or the step is failing. */
async function work(state: StepRun): Promise<void> {
  while (state.next < state.calls.length && state.failure === undefined) {
    const index = state.next++;
    const planned = state.calls[index]!;
    if (planned.tool === undefined) continue;
    try {
      state.answers[index] = await invokeWithRun(
        new ToolCallRun(new WriterTool(planned.tool, state.options.writer), planned.call),
        planned.call.args,
        state.config(),
      );
    } catch (error) {
      onCallError(state, index, error);
    }
  }
}

function onCallError(state: StepRun, index: number, error: unknown): void {
  const planned = state.calls[index]!;
  const { scope, onToolError } = state.options;
  if (isAbortError(error) && (scope.signal?.aborted === true || state.stop.signal.aborted)) {
    // Cancelled: the run's signal aborted (the answer stays a synthetic one), or the step is failing.
    if (scope.signal?.aborted === true) state.cancelled ??= error;
    return;
  }
  if (onToolError === "fail") {
    state.failure ??= { error };
    state.stop.abort(error);
    return;
  }
  try {
    const text =
      typeof onToolError === "function" ? onToolError(error, planned.call) : `Error: ${messageOf(error)}`;
    state.answers[index] = errorToolMessage(planned.call, text);
  } catch (handlerError) {
    state.failure ??= { error: handlerError };
    state.stop.abort(handlerError);
  }
}

/**
 * The answer with an id (a UUID) when it has none, as LangGraph's message reducer gives every
 * message, so a UI can key it (`@ai-sdk/langchain` skips messages without one).
 */
function withId(message: ToolMessage): ToolMessage {
  message.id ??= uuidv7();
  return message;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
