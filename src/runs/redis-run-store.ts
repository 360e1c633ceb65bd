import { InvalidConfigError } from "../errors/input-errors.js";
import { checkNumberOption } from "../internal/check-number-option.js";
import { readRedisRun } from "./read-redis-run.js";
import type { RedisCommands } from "./redis-commands.js";
import { redisRunAliases } from "./redis-run-aliases.js";
import { encodeEvent, encodeTerminal, parseInfo } from "./redis-run-entries.js";
import {
  APPEND_SCRIPT,
  CANCEL_SCRIPT,
  CREATE_SCRIPT,
  FINISH_SCRIPT,
  INFO_SCRIPT,
  RENEW_SCRIPT,
  type RedisRunKeys,
  redisRunKeys,
  scriptKeys,
} from "./redis-run-scripts.js";
import type { RunStore } from "./run-store.js";

/** Options of {@link redisRunStore}. */
export interface RedisRunStoreOptions {
  /**
   * Prefix of every key (default `rivulet:run:`): keys are `<prefix>{<runId>}:meta|events|lease|cancel`,
   * and `<prefix>alias:{<alias>}` for aliases.
   */
  keyPrefix?: string | undefined;
  /** Most events kept per run (default 10,000; `XADD MAXLEN`); a cursor before the oldest kept gets `expired`. */
  maxEventsPerRun?: number | undefined;
  /**
   * How often an owner checks the cancel key when the commands have no `subscribe` (default
   * 1,000 ms). With `subscribe`, cancel requests arrive by pub/sub and this is not used.
   */
  cancelPollMs?: number | undefined;
}

/**
 * A run store on Redis Streams, shared by every instance pointed at the same Redis: a run started
 * on one server can be read, resumed and cancelled from any other, so a load balancer needs no
 * sticky sessions. Each run's events are a stream with entry ids `0-<id>`; appends, the one
 * terminal and create are Lua scripts (atomic set-if-absent), and once a run ends every key of it
 * gets the TTL. Keys carry the run id as a hash tag, so a run stays in one Redis Cluster slot.
 * Cancel requests set a key and are published on a channel (or polled without `subscribe`).
 *
 * @example
 * const client = await createClient({ url: process.env.REDIS_URL }).connect();
 * const runs = createRunManager({ store: redisRunStore(nodeRedisCommands(client)) });
 */
export function redisRunStore(commands: RedisCommands, options: RedisRunStoreOptions = {}): RunStore {
  if (typeof commands?.send !== "function" || typeof commands.openBlocking !== "function") {
    throw new InvalidConfigError(
      "redisRunStore: pass RedisCommands with send and openBlocking (nodeRedisCommands(client) for node-redis).",
    );
  }
  const prefix = options.keyPrefix ?? "rivulet:run:";
  const maxEvents =
    checkNumberOption("maxEventsPerRun", options.maxEventsPerRun, "positive-integer") ?? 10_000;
  const pollMs = checkNumberOption("cancelPollMs", options.cancelPollMs, "duration") ?? 1_000;
  const keysOf = (runId: string) => redisRunKeys(prefix, runId);
  const run = async (script: string, keys: RedisRunKeys, args: readonly (string | number)[]) =>
    commands.send(["EVAL", script, "4", ...scriptKeys(keys), ...args.map(String)]);
  return {
    async create(info) {
      const reply = await run(CREATE_SCRIPT, keysOf(info.runId), [
        info.createdAt,
        JSON.stringify(info.metadata),
        milliseconds(info.leaseMs),
        info.ttlMs === undefined || !Number.isFinite(info.ttlMs) ? "" : milliseconds(info.ttlMs),
      ]);
      return Number(reply) === 1;
    },
    async append(runId, entries) {
      const args: Array<string | number> = [maxEvents];
      for (const entry of entries) args.push(entry.id, encodeEvent(entry.event));
      return Number(await run(APPEND_SCRIPT, keysOf(runId), args)) === 1;
    },
    async finish(runId, terminal, ttlMs) {
      const ttl = Number.isFinite(ttlMs) ? milliseconds(ttlMs) : "";
      // One more than maxEvents: the terminal never pushes out an event a reader could still want.
      const args = [terminal.id, encodeTerminal(terminal), ttl, maxEvents + 1];
      return Number(await run(FINISH_SCRIPT, keysOf(runId), args)) === 1;
    },
    read: (runId, readOptions) => readRedisRun(runId, keysOf(runId), commands, readOptions),
    async info(runId) {
      return parseInfo(runId, await run(INFO_SCRIPT, keysOf(runId), []));
    },
    async renewLease(runId, leaseMs) {
      await run(RENEW_SCRIPT, keysOf(runId), [milliseconds(leaseMs)]);
    },
    async requestCancel(runId) {
      const keys = keysOf(runId);
      return Number(await run(CANCEL_SCRIPT, keys, [keys.cancelChannel])) === 1;
    },
    onCancel: (runId, listener) => listenForCancel(commands, keysOf(runId), listener, pollMs),
    ...redisRunAliases(commands, prefix),
  };
}

/** Whole milliseconds, at least 1 (PX and PEXPIRE take integers; 0 would delete at once). */
function milliseconds(ms: number): number {
  return Math.max(1, Math.ceil(ms));
}

/**
 * Calls `listener` once when the run's cancel key is set: subscribed first, then the key checked,
 * so a request made before the subscription is not missed; by polling without `subscribe`.
 */
async function listenForCancel(
  commands: RedisCommands,
  keys: RedisRunKeys,
  listener: () => void,
  pollMs: number,
): Promise<() => void> {
  let active = true;
  const fire = () => {
    if (!active) return;
    active = false;
    stop();
    listener();
  };
  const check = async () => {
    if (active && (await commands.send(["EXISTS", keys.cancel])) === 1) fire();
  };
  let stop = () => {};
  if (commands.subscribe !== undefined) {
    const unsubscribe = await commands.subscribe(keys.cancelChannel, fire);
    stop = () => void unsubscribe().catch(() => undefined);
    // A message between SUBSCRIBE and here already fired (and found nothing to stop).
    if (!active) stop();
  } else {
    const timer = setInterval(() => void check().catch(() => undefined), pollMs);
    stop = () => clearInterval(timer);
  }
  await check();
  return () => {
    if (!active) return;
    active = false;
    stop();
  };
}
