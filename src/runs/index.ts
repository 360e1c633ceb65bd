// rivulet/runs: durable runs over a store, replayable by event id (docs/runs.md).
export { type MemoryRunStoreOptions, memoryRunStore } from "./memory-run-store.js";
export { type NodeRedisClient, nodeRedisCommands } from "./node-redis-commands.js";
export type {
  RedisBlockingConnection,
  RedisCommandSender,
  RedisCommands,
} from "./redis-commands.js";
export { type RedisRunStoreOptions, redisRunStore } from "./redis-run-store.js";
export {
  createRunManager,
  type ReadRunOptions,
  type RunManager,
  type StartedRun,
  type StartRunOptions,
} from "./run-manager.js";
export type { RunManagerOptions, RunTimerScheduler } from "./run-manager-options.js";
export type {
  RunEventEntry,
  RunInfo,
  RunLogEntry,
  RunStatus,
  RunTerminalEntry,
  RunTerminalStatus,
} from "./run-record.js";
export type {
  RunStore,
  RunStoreAliasClaim,
  RunStoreReadItem,
  RunStoreReadOptions,
} from "./run-store.js";
