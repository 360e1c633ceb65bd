// The types `Runnable` names in the signatures of `streamEvents` and `streamLog`, in one
// types-only module: the runnables layer sits above events and may import from events only
// these types (the layer test allows this file alone), never a value.

export type { EventFilters } from "./event-filters.js";
export type { RunLog, RunLogPatch } from "./run-log.js";
export type { StreamEvent, StreamEventV1 } from "./stream-event.js";
export type { StreamEventsOptions } from "./stream-events.js";
export type { StreamLogOptions } from "./stream-log.js";
