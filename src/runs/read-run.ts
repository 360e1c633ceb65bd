import { errorPayload } from "../errors/error-payload.js";
import { CursorExpiredError, RunLostError, RunNotFoundError } from "../errors/run-errors.js";
import type { ResolvedRunManagerOptions } from "./run-manager-options.js";
import type { RunInfo, RunLogEntry, RunTerminalEntry } from "./run-record.js";

/**
 * A run's log strictly after `after`, then live, ending with its terminal record. Idle ticks of
 * the store become lease checks: once the owner's lease has lapsed the reader writes the
 * `run_lost` terminal (set-if-absent, so only one reader's is kept, and never over the owner's)
 * and yields it. A cursor older than what the store keeps throws `CursorExpiredError`.
 */
export async function* readRun(
  runId: string,
  options: { after: number; signal?: AbortSignal | undefined },
  manager: ResolvedRunManagerOptions,
): AsyncGenerator<RunLogEntry> {
  await currentInfo(runId, manager);
  const items = manager.store.read(runId, {
    after: options.after,
    idleMs: manager.idleMs,
    signal: options.signal,
  });
  for await (const item of items) {
    if (item.type === "expired") {
      throw new CursorExpiredError({ runId, after: options.after, oldestId: item.oldestId });
    }
    if (item.type === "idle") {
      await currentInfo(runId, manager);
      continue;
    }
    // A store may hand over a replay page at once: a reader that left stops now, not after it.
    options.signal?.throwIfAborted();
    yield item;
    if (item.type === "terminal") return;
  }
}

/**
 * The run's info, after writing `run_lost` when its owner's lease has lapsed (so a status
 * request sees the run as lost too). Throws `RunNotFoundError` for an unknown or expired run.
 */
export async function currentInfo(runId: string, manager: ResolvedRunManagerOptions): Promise<RunInfo> {
  const info = await manager.store.info(runId);
  if (info === undefined) throw new RunNotFoundError(runId);
  if (info.status !== "running" || info.leaseAlive) return info;
  // id 0: the store puts the terminal after the last event it holds.
  const lost: RunTerminalEntry = {
    type: "terminal",
    id: 0,
    status: "error",
    error: errorPayload(new RunLostError(runId)),
  };
  await manager.store.finish(runId, lost, manager.ttlMs);
  const after = await manager.store.info(runId);
  if (after === undefined) throw new RunNotFoundError(runId);
  return after;
}
