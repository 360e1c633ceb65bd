// rivulet/runs: durable runs over a store, replayable by event id (docs/runs.md).
export {};
