import { RunNotFoundError } from "../errors/run-errors.js";
import type { RedisBlockingConnection, RedisCommands } from "./redis-commands.js";
import { entryId, parseEntries, parseReadReply } from "./redis-run-entries.js";
import type { RedisRunKeys } from "./redis-run-scripts.js";
import type { RunLogEntry } from "./run-record.js";
import type { RunStoreReadItem, RunStoreReadOptions } from "./run-store.js";

/** How many entries one XRANGE or XREAD asks for. */
const BATCH = 256;

/**
 * One run's log from Redis: `XRANGE key (0-<after> +` replays strictly after the cursor, then
 * `XREAD BLOCK idleMs STREAMS key 0-<last>` tails from the last id seen, so nothing written
 * between the two is missed or repeated. The blocking reads go over a connection of the
 * reader's own, opened on first need and closed when the reader ends (or aborts, which drops a
 * pending XREAD). A first entry past `after + 1` means the oldest events were trimmed: when the
 * cursor is before the oldest kept, the reader gets `expired` and ends.
 */
export async function* readRedisRun(
  runId: string,
  keys: RedisRunKeys,
  commands: RedisCommands,
  options: RunStoreReadOptions,
): AsyncGenerator<RunStoreReadItem> {
  let after = options.after;
  let retried = false;
  let blocking: RedisBlockingConnection | undefined;
  const signal = options.signal;
  try {
    for (;;) {
      signal?.throwIfAborted();
      let entries = parseEntries(
        await commands.send(["XRANGE", keys.events, `(0-${after}`, "+", "COUNT", String(BATCH)]),
      );
      if (entries.length === 0) {
        const ended = await endedAt(runId, keys, commands);
        if (ended !== undefined && ended <= after) return;
        // The terminal landed between the XRANGE and now: read it (once; a log without it is gone).
        if (ended !== undefined && !retried) {
          retried = true;
          continue;
        }
        if (ended !== undefined) throw new RunNotFoundError(runId);
        blocking ??= await openConnection(commands, signal);
        const reply = await abortable(
          blocking.send([
            "XREAD",
            "COUNT",
            String(BATCH),
            "BLOCK",
            String(blockMs(options.idleMs)),
            "STREAMS",
            keys.events,
            `0-${after}`,
          ]),
          signal,
        );
        const read = parseReadReply(reply);
        if (read === undefined) {
          yield { type: "idle" };
          continue;
        }
        entries = read;
      }
      const oldest = await expiredOldest(entries, after, keys, commands);
      if (oldest !== undefined) {
        yield { type: "expired", oldestId: oldest };
        return;
      }
      for (const entry of entries) {
        yield entry;
        after = entry.id;
        if (entry.type === "terminal") return;
      }
    }
  } finally {
    // A pending XREAD (after an abort) dies with its connection.
    await blocking?.close().catch(() => undefined);
  }
}

/** The terminal's id once the run ended, undefined while it runs; throws when the run is gone. */
async function endedAt(
  runId: string,
  keys: RedisRunKeys,
  commands: RedisCommands,
): Promise<number | undefined> {
  const reply = await commands.send(["HMGET", keys.meta, "createdAt", "terminalId"]);
  if (!Array.isArray(reply) || reply[0] === null || reply[0] === undefined) throw new RunNotFoundError(runId);
  return typeof reply[1] === "string" ? Number(reply[1]) : undefined;
}

/** The oldest kept id when the batch shows the cursor fell before it, else undefined. */
async function expiredOldest(
  entries: readonly RunLogEntry[],
  after: number,
  keys: RedisRunKeys,
  commands: RedisCommands,
): Promise<number | undefined> {
  const first = entries[0];
  if (first === undefined || first.id <= after + 1) return undefined;
  const reply = await commands.send(["XRANGE", keys.events, "-", "+", "COUNT", "1"]);
  const oldest = Array.isArray(reply) && Array.isArray(reply[0]) ? entryId(reply[0][0]) : first.id;
  return after < oldest - 1 ? oldest : undefined;
}

async function openConnection(commands: RedisCommands, signal: AbortSignal | undefined) {
  const connection = await commands.openBlocking();
  if (signal?.aborted) {
    await connection.close().catch(() => undefined);
    signal.throwIfAborted();
  }
  return connection;
}

/** Redis blocks at least a millisecond (0 would mean for ever). */
function blockMs(idleMs: number): number {
  return Number.isFinite(idleMs) ? Math.max(1, Math.ceil(idleMs)) : 2_147_483_647;
}

/** Rejects with the signal's reason as soon as it aborts, leaving the command behind. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
