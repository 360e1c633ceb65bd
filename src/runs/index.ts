// rivulet/runs: durable runs over a store, replayable by event id (docs/runs.md).
export { type MemoryRunStoreOptions, memoryRunStore } from "./memory-run-store.js";
export type {
  RunEventEntry,
  RunInfo,
  RunLogEntry,
  RunStatus,
  RunTerminalEntry,
  RunTerminalStatus,
} from "./run-record.js";
export type { RunStore, RunStoreReadItem, RunStoreReadOptions } from "./run-store.js";
