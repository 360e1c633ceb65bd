import { RunNotFoundError } from "../errors/run-errors.js";
import { checkNumberOption } from "../internal/check-number-option.js";
import { memoryRunAliases } from "./memory-run-aliases.js";
import type { RunEventEntry, RunInfo, RunTerminalEntry } from "./run-record.js";
import type { RunStore, RunStoreReadItem, RunStoreReadOptions } from "./run-store.js";

/** Options of {@link memoryRunStore}. */
export interface MemoryRunStoreOptions {
  /** Most events kept per run (default 10,000); older ones are dropped, and a cursor before them gets `expired`. */
  maxEventsPerRun?: number | undefined;
  /** Test seam: milliseconds since the epoch (default `Date.now`), for leases and TTLs. */
  clock?: (() => number) | undefined;
}

interface MemoryRun {
  info: Omit<RunInfo, "leaseAlive" | "status" | "terminal">;
  events: RunEventEntry[];
  terminal: RunTerminalEntry | undefined;
  leaseUntil: number;
  /** How long the run is kept after its lease lapsed, when its owner died and nobody read it. */
  ttlMs: number;
  expiresAt: number;
  cancelled: boolean;
  cancelListeners: Set<() => void>;
  wake: Set<() => void>;
}

/**
 * A run store in this process's memory: the default, for one instance (runs do not survive a
 * restart, and other instances cannot see them: use `redisRunStore` for that). Bounded per run:
 * past `maxEventsPerRun` the oldest events are dropped. An ended run is removed after its TTL, and
 * so is a run whose owner's lease lapsed that long ago (an owner that died, read by nobody).
 *
 * @example
 * const manager = createRunManager({ store: memoryRunStore({ maxEventsPerRun: 5000 }) });
 */
export function memoryRunStore(options: MemoryRunStoreOptions = {}): RunStore {
  const maxEvents =
    checkNumberOption("maxEventsPerRun", options.maxEventsPerRun, "positive-integer") ?? 10_000;
  const clock = options.clock ?? Date.now;
  const runs = new Map<string, MemoryRun>();
  const lookup = (runId: string): MemoryRun | undefined => {
    const run = runs.get(runId);
    if (run !== undefined && clock() >= expiryOf(run)) {
      runs.delete(runId);
      return undefined;
    }
    return run;
  };
  const wakeAll = (run: MemoryRun) => {
    for (const wake of [...run.wake]) wake();
  };
  return {
    async create(info) {
      if (lookup(info.runId) !== undefined) return false;
      runs.set(info.runId, {
        info: { runId: info.runId, createdAt: info.createdAt, metadata: { ...info.metadata } },
        events: [],
        terminal: undefined,
        leaseUntil: clock() + info.leaseMs,
        ttlMs: info.ttlMs ?? Number.POSITIVE_INFINITY,
        expiresAt: Number.POSITIVE_INFINITY,
        cancelled: false,
        cancelListeners: new Set(),
        wake: new Set(),
      });
      return true;
    },
    async append(runId, entries) {
      const run = lookup(runId);
      if (run === undefined || run.terminal !== undefined) return false;
      for (const entry of entries) run.events.push({ type: "event", id: entry.id, event: entry.event });
      if (run.events.length > maxEvents) run.events.splice(0, run.events.length - maxEvents);
      wakeAll(run);
      return true;
    },
    async finish(runId, terminal, ttlMs) {
      const run = lookup(runId);
      if (run === undefined || run.terminal !== undefined) return false;
      const lastId = run.events.at(-1)?.id ?? 0;
      run.terminal = { ...terminal, id: Math.max(terminal.id, lastId + 1) };
      run.expiresAt = clock() + ttlMs;
      run.cancelListeners.clear();
      wakeAll(run);
      return true;
    },
    read: (runId, readOptions) => readMemoryRun(runId, readOptions, lookup),
    async info(runId) {
      const run = lookup(runId);
      if (run === undefined) return undefined;
      return {
        ...run.info,
        status: run.terminal?.status ?? "running",
        terminal: run.terminal,
        leaseAlive: run.terminal !== undefined || clock() < run.leaseUntil,
      };
    },
    async renewLease(runId, leaseMs) {
      const run = lookup(runId);
      if (run !== undefined) run.leaseUntil = clock() + leaseMs;
    },
    async requestCancel(runId) {
      const run = lookup(runId);
      if (run === undefined) return false;
      run.cancelled = true;
      for (const listener of [...run.cancelListeners]) listener();
      return true;
    },
    async onCancel(runId, listener) {
      const run = lookup(runId);
      if (run === undefined) return () => {};
      if (run.cancelled) listener();
      run.cancelListeners.add(listener);
      return () => run.cancelListeners.delete(listener);
    },
    ...memoryRunAliases(clock),
  };
}

/** When a run goes: its TTL after its end, or after its lease lapsed when its owner died. */
function expiryOf(run: MemoryRun): number {
  return run.terminal === undefined ? run.leaseUntil + run.ttlMs : run.expiresAt;
}

async function* readMemoryRun(
  runId: string,
  options: RunStoreReadOptions,
  lookup: (runId: string) => MemoryRun | undefined,
): AsyncGenerator<RunStoreReadItem> {
  let after = options.after;
  for (;;) {
    // A reader that already left (its request aborted) gets nothing, not the whole log.
    options.signal?.throwIfAborted();
    const run = lookup(runId);
    if (run === undefined) throw new RunNotFoundError(runId);
    // Checked on every pass: a slow reader can fall behind the oldest kept event while it reads.
    const oldest = run.events[0]?.id;
    if (oldest !== undefined && after < oldest - 1) {
      yield { type: "expired", oldestId: oldest };
      return;
    }
    const pending = run.events.filter((entry) => entry.id > after);
    for (const entry of pending) {
      yield entry;
      after = entry.id;
    }
    if (pending.length > 0) continue;
    if (run.terminal !== undefined) {
      // Strictly after the cursor: a reader that already saw the terminal gets nothing more.
      if (run.terminal.id > after) yield run.terminal;
      return;
    }
    const arrived = await waitForWrite(run, options);
    if (!arrived) yield { type: "idle" };
  }
}

/** Resolves true on the run's next write, false after `idleMs`; rejects when the signal aborts. */
function waitForWrite(run: MemoryRun, options: RunStoreReadOptions): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const done = (arrived: boolean) => {
      clearTimeout(timer);
      run.wake.delete(onWrite);
      options.signal?.removeEventListener("abort", onAbort);
      resolve(arrived);
    };
    const onWrite = () => done(true);
    const onAbort = () => {
      // Reject, not resolve: an aborted read ends, instead of ticking idle for ever.
      clearTimeout(timer);
      run.wake.delete(onWrite);
      reject(options.signal?.reason);
    };
    const timer = setTimeout(() => done(false), options.idleMs);
    run.wake.add(onWrite);
    if (options.signal?.aborted) onAbort();
    else options.signal?.addEventListener("abort", onAbort, { once: true });
  });
}
