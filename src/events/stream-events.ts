import { ensureConfig } from "../config/ensure-config.js";
import type { RunnableConfig } from "../config/runnable-config.js";
import type { RunnableCore } from "../engine/runnable-core.js";
import { InvalidInputError } from "../errors/input-errors.js";
import { IterableReadableStream } from "../streams/iterable-readable-stream.js";
import { compileFilters, type EventFilters } from "./event-filters.js";
import { EventStreamObserver, type EventsVersion } from "./event-stream-observer.js";
import { observeRun } from "./observe-run.js";
import { encodeEventsAsSse } from "./sse-events.js";
import type { StreamEvent, StreamEventV1 } from "./stream-event.js";

/** Options of `streamEvents`: a run config plus the protocol version and an optional byte encoding. */
export type StreamEventsOptions = RunnableConfig & {
  /** "v2" (the default) adds `parent_ids`; "v1" is the older shape. */
  version?: EventsVersion | undefined;
  /** "text/event-stream" yields SSE bytes instead of event objects. */
  encoding?: "text/event-stream" | undefined;
};

/**
 * Runs `runnable` on `input` and yields an event for each step of every run inside it (see
 * `StreamEvent`). Breaking out of the loop, or aborting `signal`, cancels the work in flight;
 * every run that started is closed before the loop ends. If the chain fails, the events so far
 * are yielded, then the original error is thrown.
 */
export function streamEvents(
  runnable: RunnableCore<unknown, unknown, unknown>,
  input: unknown,
  options: StreamEventsOptions | undefined,
  filters: EventFilters | undefined,
): IterableReadableStream<StreamEvent | StreamEventV1> | IterableReadableStream<Uint8Array> {
  const { version = "v2", encoding, ...config } = options ?? {};
  if (version !== "v1" && version !== "v2") {
    throw new InvalidInputError(`streamEvents: version must be "v1" or "v2", got ${JSON.stringify(version)}`);
  }
  if (encoding !== undefined && encoding !== "text/event-stream") {
    throw new InvalidInputError(
      `streamEvents: the only encoding is "text/event-stream", got ${JSON.stringify(encoding)}`,
    );
  }
  // Capture the caller's context now: the generator body runs later, in the reader's context.
  const base = ensureConfig(config);
  const events = generateEvents(runnable, input, base, version, filters);
  if (encoding === "text/event-stream") return new IterableReadableStream(encodeEventsAsSse(events));
  return new IterableReadableStream(events);
}

function generateEvents(
  runnable: RunnableCore<unknown, unknown, unknown>,
  input: unknown,
  base: RunnableConfig,
  version: EventsVersion,
  filters: EventFilters | undefined,
): AsyncGenerator<StreamEvent | StreamEventV1> {
  const keep = compileFilters(filters);
  return observeRun<StreamEvent | StreamEventV1>(
    runnable,
    input,
    base,
    (queue, rootId) => new EventStreamObserver(queue, version, keep, rootId),
  );
}
