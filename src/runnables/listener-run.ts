import type { Run, RunType } from "../callbacks/run.js";

/**
 * The run a `withListeners` listener receives: Rivulet's `Run` plus the snake_case fields of
 * `@langchain/core`'s tracer `Run` that listeners read (`start_time`, `end_time`, `inputs`,
 * `outputs`, `run_type`, `parent_run_id`), so ported listeners work unchanged. `inputs` and
 * `outputs` are objects as LangChain makes them: an object value as is, anything else under
 * `input` / `output`.
 */
export interface ListenerRun extends Run {
  readonly run_type: RunType;
  readonly start_time: number;
  readonly end_time: number | undefined;
  readonly inputs: Record<string, unknown>;
  /** Undefined until the run has ended with an output. */
  readonly outputs: Record<string, unknown> | undefined;
  readonly parent_run_id: string | undefined;
}

/** `@langchain/core`'s coercion of a run's input or output to an object. */
function asRecord(value: unknown, key: string): Record<string, unknown> {
  if (typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date)) {
    const record: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) record[k] = v;
    return record;
  }
  return { [key]: value };
}

/** A snapshot of `run` with LangChain's field names added (the run itself is not changed). */
export function toListenerRun(run: Run, ended: boolean): ListenerRun {
  return {
    ...run,
    run_type: run.runType,
    start_time: run.startTime,
    end_time: run.endTime,
    inputs: asRecord(run.input, "input"),
    outputs: ended && run.error === undefined ? asRecord(run.output, "output") : undefined,
    parent_run_id: run.parentRunId,
  };
}
