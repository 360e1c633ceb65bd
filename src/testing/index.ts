// rivulet/testing: fakes and helpers for tests, shipped so users test their chains the way we do.
import "../runnables/install.js";
import "../events/install.js";

export { type RecordedEntry, RunRecorder } from "./run-recorder.js";
export { fromArray, normalizeIds, toArray } from "./stream-helpers.js";
