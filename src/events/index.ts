import "./install.js";

export type { EventFilters } from "./event-filters.js";
export type { EventsVersion } from "./event-stream-observer.js";
export { type LogEntry, RunLog, RunLogPatch, type RunState } from "./run-log.js";
export type {
  ChainEvent,
  ChatGenerationV1,
  ChatModelEvent,
  ChatModelInput,
  ChatModelOutputV1,
  ChunkData,
  CustomEvent,
  EndData,
  ErrorData,
  EventEnvelope,
  LanguageModelEventInput,
  LLMEvent,
  LLMEventV1,
  LLMInput,
  LLMOutput,
  ParserEvent,
  PromptEvent,
  RetrieverEvent,
  RetrieverEventInput,
  RetrieverEventV1,
  RetrieverInput,
  RetrieverOutputV1,
  StartData,
  StreamEvent,
  StreamEventName,
  StreamEventNameV1,
  StreamEventV1,
  TokenUsageV1,
  ToolEvent,
} from "./stream-event.js";
export type { StreamEventsOptions } from "./stream-events.js";
export type { StreamLogOptions } from "./stream-log.js";
