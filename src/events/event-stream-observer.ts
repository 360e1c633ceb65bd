import type { Run } from "../callbacks/run.js";
import type { RunObserver } from "../callbacks/run-observer.js";
import type { BoundedQueue } from "../internal/bounded-queue.js";
import type { EventPredicate } from "./event-filters.js";
import { formatInput, formatOutput } from "./format-run-data.js";
import type { StreamEvent } from "./stream-event.js";

/** Which event protocol to produce. */
export type EventsVersion = "v1" | "v2";

type AnyEvent = {
  event: string;
  name: string;
  run_id: string;
  parent_ids?: string[];
  tags: string[];
  metadata: Record<string, unknown>;
  data: unknown;
};

/**
 * Turns run notifications into `streamEvents` events and hands them to a bounded queue. It asks
 * to be awaited, so a run waits while the queue is full: a slow consumer slows the chain. It
 * keeps no reference to any run: each event is built from the run at that moment.
 */
export class EventStreamObserver implements RunObserver {
  readonly awaitHandlers = true;
  readonly #queue: BoundedQueue<StreamEvent>;
  readonly #version: EventsVersion;
  readonly #keep: EventPredicate;
  readonly #rootId: string;
  /** How many ancestors the root has (streamEvents called inside another run): hidden from parent_ids. */
  #rootDepth = 0;

  constructor(
    queue: BoundedQueue<StreamEvent>,
    version: EventsVersion,
    keep: EventPredicate,
    rootId: string,
  ) {
    this.#queue = queue;
    this.#version = version;
    this.#keep = keep;
    this.#rootId = rootId;
  }

  #emit(
    run: Run,
    event: string,
    data: unknown,
    name = run.name,
    type: string = run.runType,
  ): Promise<void> | undefined {
    if (this.#keep !== undefined && !this.#keep(name, type, run.tags)) return undefined;
    const tags = run.tags as string[];
    const metadata = run.metadata as Record<string, unknown>;
    let e: AnyEvent;
    if (this.#version === "v2") {
      const ids = this.#rootDepth === 0 ? run.parentIds : run.parentIds.slice(this.#rootDepth);
      e = { event, name, run_id: run.id, parent_ids: ids as string[], tags, metadata, data };
    } else {
      e = { event, name, run_id: run.id, tags, metadata, data };
    }
    return this.#queue.push(e as StreamEvent);
  }

  onRunStart(run: Run): Promise<void> | undefined {
    const isRoot = run.id === this.#rootId;
    if (isRoot) this.#rootDepth = run.parentIds.length;
    let data: unknown;
    if (!run.inputKnownAtStart) data = {};
    else data = { input: isRoot ? run.input : formatInput(run) };
    return this.#emit(run, `on_${run.runType}_start`, data);
  }

  onRunStream(run: Run, chunk: unknown): Promise<void> | undefined {
    // v2 tools do not stream (their output is one value); v1 reports it as on_tool_stream.
    if (run.runType === "tool" && this.#version === "v2") return undefined;
    return this.#emit(run, `on_${run.runType}_stream`, { chunk });
  }

  onRunEnd(run: Run): Promise<void> | undefined {
    const output = formatOutput(run);
    const data =
      run.id === this.#rootId || run.input === undefined ? { output } : { output, input: formatInput(run) };
    return this.#emit(run, `on_${run.runType}_end`, data);
  }

  onRunError(run: Run, error: unknown): Promise<void> | undefined {
    const data =
      run.input === undefined
        ? { error }
        : { error, input: run.id === this.#rootId ? run.input : formatInput(run) };
    return this.#emit(run, `on_${run.runType}_error`, data);
  }

  onCustomEvent(run: Run, name: string, data: unknown): Promise<void> | undefined {
    // Custom events are matched by their own name, as name and as type.
    return this.#emit(run, "on_custom_event", data, name, name);
  }
}
