import type { RunnableConfig } from "../config/runnable-config.js";
import { RunNotFoundError } from "../errors/run-errors.js";
import type { Runnable } from "../runnables/runnable.js";
import { driveRun, stopRun } from "./drive-run.js";
import { currentInfo, readRun } from "./read-run.js";
import {
  checkCursor,
  checkRunId,
  type RunManagerOptions,
  resolveRunManagerOptions,
} from "./run-manager-options.js";
import type { RunInfo, RunLogEntry } from "./run-record.js";

/** Options of {@link RunManager.start}. */
export interface StartRunOptions {
  /** A client-chosen id: starting it again joins the first run instead of starting a second. */
  runId?: string | undefined;
  /** The run's config (tags, metadata, configurable...); its `signal` cancels the run. */
  config?: RunnableConfig | undefined;
  /** Application data kept with the run (who started it), as `RunInfo.metadata`. */
  metadata?: Readonly<Record<string, string>> | undefined;
}

/** What {@link RunManager.start} answers. */
export interface StartedRun {
  readonly runId: string;
  /** True when a run with this id already existed: nothing was started, the caller joins it. */
  readonly joined: boolean;
  /** Settles when this manager's run has written its terminal record (at once when joined). */
  readonly done: Promise<void>;
}

/** Options of {@link RunManager.read}. */
export interface ReadRunOptions {
  /** Replay strictly after this event id (default 0: from the start). */
  after?: number | undefined;
  /** Aborting it ends this reader only; the run goes on. */
  signal?: AbortSignal | undefined;
}

/**
 * Durable runs over a store: each run is driven detached by the manager that started it (its
 * single writer) and read by anyone, from any event id, live and after it ended (until the TTL).
 * See {@link createRunManager}.
 */
export interface RunManager {
  /** Starts `runnable.streamEvents(input, { version: "v2" })` detached; an existing `runId` is joined. */
  start<I>(runnable: Runnable<I, unknown, unknown>, input: I, options?: StartRunOptions): Promise<StartedRun>;
  /** The log strictly after `after`, then live, ending with the terminal record. */
  read(runId: string, options?: ReadRunOptions): AsyncIterable<RunLogEntry>;
  /** Asks the run's owner, on any instance, to cancel; false when the run has already ended. */
  cancel(runId: string): Promise<boolean>;
  /** The run's status (and output or error once ended). Throws `RunNotFoundError`. */
  info(runId: string): Promise<RunInfo>;
  /** Stops this manager's runs as `interrupted` (a graceful shutdown) and waits for their terminals. */
  close(): Promise<void>;
}

/**
 * Creates a {@link RunManager}. Readers leaving never cancel a run: only `cancel` does, and it
 * works from any manager on the same store. The owner renews a lease; when it dies, readers end
 * with a `run_lost` error once the lease has lapsed instead of waiting for ever.
 *
 * @example
 * const runs = createRunManager({ store: memoryRunStore() });
 * const { runId } = await runs.start(chain, { topic: "bears" });
 * for await (const entry of runs.read(runId, { after: lastSeenId })) console.log(entry.id, entry);
 */
export function createRunManager(options: RunManagerOptions): RunManager {
  const resolved = resolveRunManagerOptions(options);
  const owned = new Map<string, { stop: AbortController; done: Promise<void> }>();
  return {
    async start(runnable, input, startOptions = {}) {
      const runId = startOptions.runId === undefined ? resolved.generateId() : checkRunId(startOptions.runId);
      const created = await resolved.store.create({
        runId,
        createdAt: resolved.clock(),
        metadata: { ...startOptions.metadata },
        leaseMs: resolved.leaseMs,
        ttlMs: resolved.ttlMs,
      });
      if (!created) return { runId, joined: true, done: Promise.resolve() };
      const run = { runId, runnable, input, config: startOptions.config ?? {}, stop: new AbortController() };
      const done = driveRun(run, resolved).finally(() => owned.delete(runId));
      owned.set(runId, { stop: run.stop, done });
      return { runId, joined: false, done };
    },
    read: (runId, readOptions = {}) =>
      readRun(runId, { after: checkCursor(readOptions.after), signal: readOptions.signal }, resolved),
    async cancel(runId) {
      const info = await currentInfo(runId, resolved);
      if (info.status !== "running") return false;
      if (!(await resolved.store.requestCancel(runId))) throw new RunNotFoundError(runId);
      return true;
    },
    info: (runId) => currentInfo(runId, resolved),
    async close() {
      const runs = [...owned.values()];
      for (const run of runs) stopRun(run.stop, "interrupted");
      await Promise.all(runs.map((run) => run.done));
    },
  };
}
