import type { Run, RunType } from "../callbacks/run.js";
import type { RunObserver } from "../callbacks/run-observer.js";
import { isToolProgress } from "../callbacks/tool-progress.js";
import type { BoundedQueue } from "../internal/bounded-queue.js";
import { endOutputV1 } from "./end-output-v1.js";
import type { EventPredicate } from "./event-filters.js";
import { formatChunk, formatInput, formatOutput } from "./format-run-data.js";
import { makeEvent, makeEventV1, type StreamEventNamed, type StreamEventV1Named } from "./make-event.js";
import type { StreamEvent, StreamEventName, StreamEventNameV1, StreamEventV1 } from "./stream-event.js";

/** Which event protocol to produce. */
export type EventsVersion = "v1" | "v2";

/**
 * Turns run notifications into `streamEvents` events and hands them to a bounded queue. It asks
 * to be awaited, so a run waits while the queue is full: a slow consumer slows the chain. It
 * keeps no reference to any run: each event is built from the run at that moment.
 */
export class EventStreamObserver implements RunObserver {
  readonly awaitHandlers = true;
  readonly #queue: BoundedQueue<StreamEvent | StreamEventV1>;
  readonly #version: EventsVersion;
  readonly #keep: EventPredicate;
  readonly #rootId: string;
  /** How many ancestors the root has (streamEvents called inside another run): hidden from parent_ids. */
  #rootDepth = 0;

  constructor(
    queue: BoundedQueue<StreamEvent | StreamEventV1>,
    version: EventsVersion,
    keep: EventPredicate,
    rootId: string,
  ) {
    this.#queue = queue;
    this.#version = version;
    this.#keep = keep;
    this.#rootId = rootId;
  }

  #emit<E extends StreamEventName>(
    run: Run,
    event: E,
    data: StreamEventNamed<E>["data"],
    name = run.name,
    type: string = run.runType,
  ): Promise<void> | undefined {
    if (this.#keep !== undefined && !this.#keep(name, type, run.tags)) return undefined;
    const { id: run_id, tags, metadata } = run;
    const parent_ids = this.#rootDepth === 0 ? run.parentIds : run.parentIds.slice(this.#rootDepth);
    return this.#queue.push(makeEvent(event, { name, run_id, parent_ids, tags, metadata, data }));
  }

  /** v1's envelope (no parent_ids); `type` is the v1 run type, which the filters match. */
  #emitV1<E extends StreamEventNameV1>(
    run: Run,
    event: E,
    data: StreamEventV1Named<E>["data"],
    name = run.name,
    type: string = runTypeV1(run.runType),
  ): Promise<void> | undefined {
    if (this.#keep !== undefined && !this.#keep(name, type, run.tags)) return undefined;
    const { id: run_id, tags, metadata } = run;
    return this.#queue.push(makeEventV1(event, { name, run_id, tags, metadata, data }));
  }

  onRunStart(run: Run): Promise<void> | undefined {
    const isRoot = run.id === this.#rootId;
    if (isRoot) this.#rootDepth = run.parentIds.length;
    const data = run.inputKnownAtStart ? { input: isRoot ? run.input : formatInput(run) } : {};
    if (this.#version === "v1") return this.#emitV1(run, EVENT_NAMES_V1[run.runType].start, data);
    return this.#emit(run, EVENT_NAMES[run.runType].start, withToolCallId(run, data));
  }

  onRunStream(run: Run, chunk: unknown): Promise<void> | undefined {
    if (this.#version === "v1") return this.#emitV1(run, EVENT_NAMES_V1[run.runType].stream, { chunk });
    // v2 sends no stream event for a one-value output (a root prompt, retriever or tool: only a
    // root's is reported) nor for tools; v1 reports it as on_<type>_stream, as LangChain does.
    if (run.wholeOutput === true || run.runType === "tool") return undefined;
    return this.#emit(
      run,
      EVENT_NAMES[run.runType].stream,
      withToolCallId(run, { chunk: formatChunk(run, chunk) }),
    );
  }

  onRunEnd(run: Run): Promise<void> | undefined {
    const output = this.#version === "v1" ? endOutputV1(run) : formatOutput(run);
    const data =
      run.id === this.#rootId || run.input === undefined ? { output } : { output, input: formatInput(run) };
    if (this.#version === "v1") return this.#emitV1(run, EVENT_NAMES_V1[run.runType].end, data);
    return this.#emit(run, EVENT_NAMES[run.runType].end, withToolCallId(run, data));
  }

  onRunError(run: Run, error: unknown): Promise<void> | undefined {
    const data =
      run.input === undefined
        ? { error }
        : { error, input: run.id === this.#rootId ? run.input : formatInput(run) };
    if (this.#version === "v1") return this.#emitV1(run, EVENT_NAMES_V1[run.runType].error, data);
    return this.#emit(run, EVENT_NAMES[run.runType].error, withToolCallId(run, data));
  }

  onCustomEvent(run: Run, name: string, data: unknown): Promise<void> | undefined {
    // Custom events are matched by their own name, as name and as type.
    if (this.#version === "v1") return this.#emitV1(run, "on_custom_event", data, name, name);
    // A generator tool answering a model's call streams its yields as the tool run's own chunks.
    if (isToolProgress(name, data) && typeof run.extra.tool_call_id === "string") {
      return this.#emit(run, "on_tool_stream", {
        chunk: data.progress,
        tool_call_id: run.extra.tool_call_id,
      });
    }
    return this.#emit(run, "on_custom_event", data, name, name);
  }
}

/**
 * A v2 event's data with the model's call id added when the run answers one (`extra.tool_call_id`,
 * which a tool invoked with a `ToolCall` records), so a UI joins a tool run to the call that asked
 * for it; any other run's data is returned as is (no copy on the hot path).
 */
function withToolCallId<D extends object>(run: Run, data: D): D & { tool_call_id?: string } {
  const id = run.extra.tool_call_id;
  return typeof id === "string" ? { ...data, tool_call_id: id } : data;
}

/** The run type v1 names events after: a chat model reports as `llm`, as `@langchain/core`'s v1 does. */
function runTypeV1(runType: RunType): Exclude<RunType, "chat_model"> {
  return runType === "chat_model" ? "llm" : runType;
}

/** The four event names of one run type, built once (an event per chunk would concatenate them). */
function eventNamesOf<T extends RunType>(type: T) {
  return {
    start: `on_${type}_start` as const,
    stream: `on_${type}_stream` as const,
    end: `on_${type}_end` as const,
    error: `on_${type}_error` as const,
  };
}

const EVENT_NAMES = {
  chain: eventNamesOf("chain"),
  prompt: eventNamesOf("prompt"),
  chat_model: eventNamesOf("chat_model"),
  llm: eventNamesOf("llm"),
  parser: eventNamesOf("parser"),
  retriever: eventNamesOf("retriever"),
  tool: eventNamesOf("tool"),
} as const satisfies Record<RunType, unknown>;

/** v1's names: a chat model's events are `on_llm_*`. */
const EVENT_NAMES_V1 = {
  ...EVENT_NAMES,
  chat_model: EVENT_NAMES.llm,
} as const satisfies Record<RunType, unknown>;
