import type { Run } from "../callbacks/run.js";
import type { RunObserver } from "../callbacks/run-observer.js";
import type { BoundedQueue } from "../internal/bounded-queue.js";
import type { JsonPatchOperation } from "../json-patch/json-patch-operation.js";
import type { Aggregator } from "../streams/aggregator.js";
import type { EventPredicate } from "./event-filters.js";
import { formatInput, formatOutput } from "./format-run-data.js";
import { logEntryOutput } from "./log-entry-output.js";
import { RunLogPatch } from "./run-log.js";

function escapeKey(key: string): string {
  return key.replaceAll("~", "~0").replaceAll("/", "~1");
}

/**
 * Turns run notifications into `RunLogPatch`es (docs/events.md rules 19-21) and hands them to a
 * bounded queue, awaiting it for back-pressure. It keeps only each open run's log key.
 */
export class LogStreamObserver implements RunObserver {
  readonly awaitHandlers = true;
  readonly #queue: BoundedQueue<RunLogPatch>;
  readonly #keep: EventPredicate;
  readonly #rootId: string;
  readonly #rootAggregator: Aggregator<unknown, unknown>;
  readonly #keys = new Map<string, string>();
  readonly #nameCounts = new Map<string, number>();
  #rootStreamed = false;

  constructor(
    queue: BoundedQueue<RunLogPatch>,
    keep: EventPredicate,
    rootId: string,
    rootAggregator: Aggregator<unknown, unknown>,
  ) {
    this.#queue = queue;
    this.#keep = keep;
    this.#rootId = rootId;
    this.#rootAggregator = rootAggregator;
  }

  #send(ops: JsonPatchOperation[]): Promise<void> | undefined {
    return this.#queue.push(new RunLogPatch({ ops }));
  }

  onRunStart(run: Run): Promise<void> | undefined {
    if (run.id === this.#rootId) {
      const state = {
        id: run.id,
        name: run.name,
        type: run.runType,
        streamed_output: [],
        final_output: null,
        logs: {},
      };
      return this.#send([{ op: "replace", path: "", value: state }]);
    }
    if (this.#keep !== undefined && !this.#keep(run.name, run.runType, run.tags)) return undefined;
    const count = (this.#nameCounts.get(run.name) ?? 0) + 1;
    this.#nameCounts.set(run.name, count);
    const key = escapeKey(count === 1 ? run.name : `${run.name}:${count}`);
    this.#keys.set(run.id, key);
    const entry: Record<string, unknown> = {
      id: run.id,
      name: run.name,
      type: run.runType,
      tags: [...run.tags],
      metadata: { ...run.metadata },
      start_time: new Date(run.startTime).toISOString(),
      streamed_output: [],
      streamed_output_str: [],
    };
    if (run.inputKnownAtStart) entry.inputs = formatInput(run);
    return this.#send([{ op: "add", path: `/logs/${key}`, value: entry }]);
  }

  onRunStream(run: Run, chunk: unknown): Promise<void> | undefined {
    if (run.id === this.#rootId) {
      this.#rootStreamed = true;
      this.#rootAggregator.add(chunk);
      return this.#send([
        { op: "add", path: "/streamed_output/-", value: chunk },
        { op: "replace", path: "/final_output", value: this.#rootAggregator.result() },
      ]);
    }
    const key = this.#keys.get(run.id);
    if (key === undefined) return undefined;
    const ops: JsonPatchOperation[] = [{ op: "add", path: `/logs/${key}/streamed_output/-`, value: chunk }];
    const text = run.presentation?.chunkText?.(chunk);
    if (text !== undefined) ops.push({ op: "add", path: `/logs/${key}/streamed_output_str/-`, value: text });
    return this.#send(ops);
  }

  #close(run: Run, last: JsonPatchOperation[]): Promise<void> | undefined {
    const key = this.#keys.get(run.id);
    if (key === undefined) return undefined;
    this.#keys.delete(run.id);
    const ops: JsonPatchOperation[] = [];
    if (!run.inputKnownAtStart && run.input !== undefined) {
      ops.push({ op: "add", path: `/logs/${key}/inputs`, value: formatInput(run) });
    }
    for (const op of last) ops.push({ ...op, path: `/logs/${key}${op.path}` });
    ops.push({
      op: "add",
      path: `/logs/${key}/end_time`,
      value: new Date(run.endTime ?? Date.now()).toISOString(),
    });
    return this.#send(ops);
  }

  onRunEnd(run: Run): Promise<void> | undefined {
    if (run.id === this.#rootId) {
      if (this.#rootStreamed) return undefined;
      return this.#send([{ op: "replace", path: "/final_output", value: formatOutput(run) }]);
    }
    return this.#close(run, [{ op: "add", path: "/final_output", value: logEntryOutput(run) }]);
  }

  onRunError(run: Run, error: unknown): Promise<void> | undefined {
    if (run.id === this.#rootId) return undefined;
    const message = error instanceof Error ? error.message : String(error);
    return this.#close(run, [{ op: "add", path: "/error", value: message }]);
  }
}
