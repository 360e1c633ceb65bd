import "./install.js";

export type { EventFilters } from "./event-filters.js";
export type { EventsVersion } from "./event-stream-observer.js";
export { type LogEntry, RunLog, RunLogPatch, type RunState } from "./run-log.js";
export type {
  ChainEvent,
  ChatModelEvent,
  ChatModelInput,
  ChunkData,
  CustomEvent,
  EndData,
  ErrorData,
  EventEnvelope,
  LLMEvent,
  LLMInput,
  LLMOutput,
  ParserEvent,
  PromptEvent,
  RetrieverEvent,
  RetrieverInput,
  StartData,
  StreamEvent,
  StreamEventName,
  StreamEventV1,
  ToolEvent,
} from "./stream-event.js";
export type { StreamEventsOptions } from "./stream-events.js";
export type { StreamLogOptions } from "./stream-log.js";
