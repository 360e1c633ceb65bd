// rivulet/remote: a Runnable served over HTTP, called as a local one (docs/serving.md).
import "../runnables/install.js";
import "../events/install.js";

export { RemoteRunnableError, type RemoteRunnableErrorFields } from "../errors/remote-runnable-error.js";
export type { RemoteDelay, RemoteReconnectOptions } from "./remote-reconnect-options.js";
export type {
  RemoteRunEntry,
  RemoteRunEventEntry,
  RemoteRunStarted,
  RemoteRunStatus,
  RemoteRunTerminalEntry,
  StreamRunOptions,
} from "./remote-run-entry.js";
export { RemoteRunnable } from "./remote-runnable.js";
export type { RemoteFetch, RemoteRunnableOptions, RemoteTimer } from "./remote-runnable-options.js";
export { RunsNotServedError } from "./runs-not-served-error.js";
