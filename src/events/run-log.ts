import { applyPatch } from "../json-patch/apply-patch.js";
import type { JsonPatchOperation } from "../json-patch/json-patch-operation.js";

/** One nested run in a run log, keyed by its name (`name`, then `name:2`, `name:3`...). */
export interface LogEntry {
  id: string;
  name: string;
  type: string;
  tags: string[];
  metadata: Record<string, unknown>;
  /** ISO 8601. */
  start_time: string;
  streamed_output: unknown[];
  /** Text of each token, for chat models and LLMs. */
  streamed_output_str: string[];
  inputs?: unknown;
  final_output?: unknown;
  /** ISO 8601, once the run ended. */
  end_time?: string;
  /** The error message, if the run failed. */
  error?: string;
}

/** The state a run log's ops build: the root run, its streamed output, and its nested runs. */
export interface RunState {
  id: string;
  name: string;
  type: string;
  streamed_output: unknown[];
  final_output: unknown;
  logs: Record<string, LogEntry>;
}

/**
 * A list of JSON-Patch ops (RFC 6902) that `streamLog` yields. Adding patches with `concat`
 * gives a `RunLog` whose `state` has all of them applied.
 *
 * @example
 * let log: RunLog | undefined;
 * for await (const patch of chain.streamLog(input)) log = log ? log.concat(patch) : patch.concat();
 * console.log(log?.state.final_output);
 */
export class RunLogPatch {
  /** Shared, append-only op storage; each patch or log sees its first `count` ops. */
  protected readonly opStore: JsonPatchOperation[];
  protected readonly opCount: number;

  constructor(fields: { ops: JsonPatchOperation[] }, count = fields.ops.length) {
    this.opStore = fields.ops;
    this.opCount = count;
  }

  /** The ops, in order. */
  get ops(): JsonPatchOperation[] {
    return this.opCount === this.opStore.length ? this.opStore : this.opStore.slice(0, this.opCount);
  }

  /**
   * The wire form, `{ ops }`, as `@langchain/core`'s patches serialise: `JSON.stringify(patch)`
   * must not show the shared op storage (which holds ops this patch does not include).
   */
  toJSON(): { ops: JsonPatchOperation[] } {
    return { ops: this.ops };
  }

  /** Applies this patch's ops, then `other`'s, to an empty state. */
  concat(other?: RunLogPatch): RunLog {
    const ops = other ? [...this.ops, ...other.ops] : [...this.ops];
    return new RunLog({ ops, state: applyPatch<RunState | undefined>(undefined, ops) as RunState });
  }
}

/**
 * A run log: the ops so far and the `state` they build. `concat` returns a new RunLog that
 * shares the unchanged parts of the state (copy-on-write) and the op list (append-only), so
 * keeping every RunLog of a long stream stays linear.
 */
export class RunLog extends RunLogPatch {
  readonly state: RunState;

  constructor(fields: { ops: JsonPatchOperation[]; state: RunState }, count = fields.ops.length) {
    super(fields, count);
    this.state = fields.state;
  }

  /** The wire form, `{ ops, state }`. */
  override toJSON(): { ops: JsonPatchOperation[]; state: RunState } {
    return { ops: this.ops, state: this.state };
  }

  override concat(other?: RunLogPatch): RunLog {
    if (other === undefined) return this;
    const added = other.ops;
    const state = applyPatch(this.state, added);
    // Append to the shared store when this log is its latest view; otherwise branch off a copy.
    const store = this.opCount === this.opStore.length ? this.opStore : this.opStore.slice(0, this.opCount);
    for (const op of added) store.push(op);
    return new RunLog({ ops: store, state }, store.length);
  }
}
