import type { StreamEvent, StreamEventName, StreamEventNameV1, StreamEventV1 } from "./stream-event.js";

/** The member of the `StreamEvent` union named `E` (a union of members when `E` is a union). */
export type StreamEventNamed<E extends StreamEventName> = Extract<StreamEvent, { event: E }>;

/**
 * What an event is built from: its envelope as the run holds it and the `data` the event named
 * `E` carries. The arrays and metadata are the run's own, shared by every event of the run (read
 * only here; the `StreamEvent` union types them mutable, as `@langchain/core` does).
 */
export interface StreamEventFields<E extends StreamEventName> {
  readonly name: string;
  readonly run_id: string;
  readonly parent_ids: readonly string[];
  readonly tags: readonly string[];
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly data: StreamEventNamed<E>["data"];
}

/**
 * Builds the `streamEvents` v2 event named `event`; `fields.data` is checked against that member
 * of the union (for a literal name: `on_chat_model_stream` takes `{ chunk: AIMessageChunk }`).
 * The fields are copied into one literal in the union's key order, which is the order SSE
 * serialises them in.
 */
export function makeEvent<E extends StreamEventName>(
  event: E,
  fields: StreamEventFields<E>,
): StreamEventNamed<E> {
  const { name, run_id, parent_ids, tags, metadata, data } = fields;
  // The one assertion of event building: TypeScript does not relate a literal built from a
  // generic `E` to the union member it names, and the run's read-only arrays are shared as is.
  return { event, name, run_id, parent_ids, tags, metadata, data } as StreamEventNamed<E>;
}

/** The member of the `StreamEventV1` union named `E`. */
export type StreamEventV1Named<E extends StreamEventNameV1> = Extract<StreamEventV1, { event: E }>;

/**
 * Builds the `streamEvents` v1 event named `event`: the v2 fields without `parent_ids`, with
 * `fields.data` checked against the v1 member (`on_retriever_end` takes `{ output: { documents } }`).
 */
export function makeEventV1<E extends StreamEventNameV1>(
  event: E,
  fields: Omit<StreamEventFields<E>, "parent_ids" | "data"> & {
    readonly data: StreamEventV1Named<E>["data"];
  },
): StreamEventV1Named<E> {
  const { name, run_id, tags, metadata, data } = fields;
  // As in makeEvent: one assertion for the generic name and the shared read-only arrays.
  return { event, name, run_id, tags, metadata, data } as StreamEventV1Named<E>;
}
